package io.langnghe.search.dashboard;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import co.elastic.clients.elasticsearch._types.aggregations.FieldDateMath;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import io.langnghe.contracts.CaseStatus;
import io.langnghe.contracts.Category;
import io.langnghe.contracts.taxonomy.Taxonomy;
import io.langnghe.search.cases.CodeName;
import io.langnghe.search.index.ElasticsearchSettings;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static io.langnghe.search.index.CaseFields.*;
import static io.langnghe.search.index.Elastic.ask;

/** The leader dashboard's numbers, each one Elasticsearch aggregation request (size 0: no documents). */
@Singleton
public class DashboardReader {

    // Far more than any ward has areas, departments or categories: no bucket is cut off.
    private static final int ALL_BUCKETS = 500;
    private static final java.time.Duration RECENT_DAYS = java.time.Duration.ofDays(7);
    private static final java.time.Duration BACKGROUND_DAYS = java.time.Duration.ofDays(90);
    private static final int EMERGING_SAMPLE = 2000;
    private static final int EMERGING_WORDS = 15;
    private static final List<CaseStatus> ANSWERED = List.of(CaseStatus.ANSWERED, CaseStatus.RESOLVED);

    private final ElasticsearchClient client;
    private final String alias;
    private final Taxonomy taxonomy;

    public DashboardReader(ElasticsearchClient client, ElasticsearchSettings settings, Taxonomy taxonomy) {
        this.client = client;
        this.alias = settings.casesIndex().alias();
        this.taxonomy = taxonomy;
    }

    public Trends trends(Instant from, Instant to, ZoneId wardZone) {
        SearchResponse<Void> response = ask(() -> client.search(s -> s
                        .index(alias)
                        .size(0)
                        .trackTotalHits(t -> t.enabled(true))
                        .query(q -> q.range(r -> r.date(d -> d.field(CREATED_AT).gte(from.toString()).lt(to.toString()))))
                        .aggregations("category", a -> a.terms(t -> t.field(CATEGORY).size(ALL_BUCKETS)))
                        .aggregations("area", a -> a.terms(t -> t.field(AREA).size(ALL_BUCKETS)))
                        .aggregations("channel", a -> a.terms(t -> t.field(CHANNEL).size(ALL_BUCKETS)))
                        .aggregations("status", a -> a.terms(t -> t.field(STATUS).size(ALL_BUCKETS)))
                        .aggregations("department", a -> a.terms(t -> t.field(DEPARTMENT).size(ALL_BUCKETS)))
                        .aggregations("day", a -> a.dateHistogram(h -> h
                                .field(CREATED_AT)
                                .calendarInterval(CalendarInterval.Day)
                                .timeZone(wardZone.getId())
                                .format("yyyy-MM-dd")
                                .minDocCount(0)
                                // Days without a petition show as 0, so the chart's time axis has no gaps.
                                .extendedBounds(b -> b.min(epochMillis(from)).max(epochMillis(to.minusMillis(1)))))),
                Void.class));
        Map<String, Aggregate> aggs = response.aggregations();
        long total = response.hits().total() == null ? 0 : response.hits().total().value();
        return new Trends(from, to, total,
                counts(aggs.get("category"), code -> Category.fromCode(code).map(c -> CodeName.category(taxonomy, c)).orElse(null)),
                counts(aggs.get("area"), code -> taxonomy.area(code).map(a -> new CodeName(code, a.vi(), a.en())).orElse(null)),
                counts(aggs.get("channel"), code -> null),
                counts(aggs.get("status"), code -> null),
                counts(aggs.get("department"), code -> CodeName.department(taxonomy, code)),
                aggs.get("day").dateHistogram().buckets().array().stream()
                        .map(b -> new Trends.DayCount(b.keyAsString(), b.docCount()))
                        .toList());
    }

    public DepartmentPerformance performance(Instant now) {
        List<FieldValue> open = Arrays.stream(CaseStatus.values()).filter(CaseStatus::isOpen)
                .map(s -> FieldValue.of(s.code())).toList();
        Query isOpen = Query.of(q -> q.terms(t -> t.field(STATUS).terms(v -> v.value(open))));
        SearchResponse<Void> response = ask(() -> client.search(s -> s
                        .index(alias)
                        .size(0)
                        .aggregations("department", a -> a
                                .terms(t -> t.field(DEPARTMENT).size(ALL_BUCKETS))
                                .aggregations("open", o -> o.filter(isOpen))
                                .aggregations("overdue", o -> o.filter(f -> f.bool(b -> b
                                        .filter(isOpen)
                                        .filter(d -> d.range(r -> r.date(dt -> dt.field(DUE_AT).lt(now.toString())))))))
                                .aggregations("answered", o -> o.filter(f -> f.terms(t -> t.field(STATUS)
                                        .terms(v -> v.value(ANSWERED.stream().map(st -> FieldValue.of(st.code())).toList())))))
                                .aggregations("withDeadline", o -> o
                                        .filter(f -> f.exists(e -> e.field(ON_TIME)))
                                        .aggregations("onTime", t -> t.filter(f -> f.term(v -> v.field(ON_TIME).value(true)))))
                                .aggregations("toAcknowledge", o -> o.percentiles(p -> p.field(MINUTES_TO_ACKNOWLEDGE).percents(50.0)))
                                .aggregations("toResolve", o -> o.percentiles(p -> p.field(MINUTES_TO_RESOLVE).percents(50.0)))
                                .aggregations("rated", o -> o
                                        .filter(f -> f.exists(e -> e.field(RATING_STARS)))
                                        .aggregations("stars", r -> r.avg(v -> v.field(RATING_STARS)))
                                        .aggregations("fixed", r -> r.filter(f -> f.term(v -> v.field(RATING_FIXED).value(true)))))),
                Void.class));
        Map<String, StringTermsBucket> byDepartment = new HashMap<>();
        response.aggregations().get("department").sterms().buckets().array()
                .forEach(b -> byDepartment.put(b.key().stringValue(), b));
        List<DepartmentPerformance.Row> rows = taxonomy.departments().stream()
                .map(d -> {
                    StringTermsBucket b = byDepartment.get(d.code());
                    if (b == null) {
                        return new DepartmentPerformance.Row(CodeName.department(taxonomy, d.code()), 0, 0, 0, null, null, null,
                                0, null, null);
                    }
                    var withDeadline = b.aggregations().get("withDeadline").filter();
                    long onTime = withDeadline.aggregations().get("onTime").filter().docCount();
                    var rated = b.aggregations().get("rated").filter();
                    long fixed = rated.aggregations().get("fixed").filter().docCount();
                    return new DepartmentPerformance.Row(CodeName.department(taxonomy, d.code()),
                            b.aggregations().get("open").filter().docCount(),
                            b.aggregations().get("overdue").filter().docCount(),
                            b.aggregations().get("answered").filter().docCount(),
                            withDeadline.docCount() == 0 ? null : (double) onTime / withDeadline.docCount(),
                            median(b.aggregations().get("toAcknowledge")),
                            median(b.aggregations().get("toResolve")),
                            rated.docCount(),
                            rated.docCount() == 0 ? null : rated.aggregations().get("stars").avg().value(),
                            rated.docCount() == 0 ? null : (double) fixed / rated.docCount());
                })
                .toList();
        return new DepartmentPerformance(now, rows);
    }

    /**
     * {@code significant_text} over the folded text, on a sample of the recent petitions (it re-reads
     * each one's text, so the sample keeps it fast on a large index); the background is the recent
     * days and the 90 before them.
     */
    public EmergingWords emergingWords(Instant now) {
        Instant from = now.minus(RECENT_DAYS);
        Instant backgroundFrom = from.minus(BACKGROUND_DAYS);
        SearchResponse<Void> response = ask(() -> client.search(s -> s
                        .index(alias)
                        .size(0)
                        .query(q -> q.range(r -> r.date(d -> d.field(CREATED_AT).gte(from.toString()).lt(now.toString()))))
                        .aggregations("sample", a -> a
                                .sampler(sm -> sm.shardSize(EMERGING_SAMPLE))
                                .aggregations("words", w -> w.significantText(t -> t
                                        .field(TEXT_FOLDED)
                                        .size(EMERGING_WORDS)
                                        .minDocCount(2L)
                                        .filterDuplicateText(true)
                                        .backgroundFilter(b -> b.range(r -> r.date(d -> d
                                                .field(CREATED_AT).gte(backgroundFrom.toString()).lt(now.toString()))))))),
                Void.class));
        List<EmergingWords.Word> words = response.aggregations().get("sample").sampler().aggregations().get("words")
                .sigsterms().buckets().array().stream()
                .map(b -> new EmergingWords.Word(b.key(), b.docCount(), b.bgCount(), b.score()))
                .toList();
        return new EmergingWords(from, now, backgroundFrom, words);
    }

    /** The median of a percentiles aggregation, or null when no case had the value. */
    private static Double median(Aggregate percentiles) {
        return percentiles.tdigestPercentiles().values().keyed().values().stream()
                .map(v -> v == null || v.isBlank() || "null".equals(v) ? null : Double.valueOf(v))
                .filter(java.util.Objects::nonNull)
                .findFirst()
                .orElse(null);
    }

    private static FieldDateMath epochMillis(Instant at) {
        return FieldDateMath.of(f -> f.value((double) at.toEpochMilli()));
    }

    private static List<Trends.Count> counts(Aggregate terms, Function<String, CodeName> names) {
        return terms.sterms().buckets().array().stream()
                .map(b -> {
                    String code = b.key().stringValue();
                    CodeName name = names.apply(code);
                    return new Trends.Count(code, name == null ? null : name.vi(), name == null ? null : name.en(), b.docCount());
                })
                .toList();
    }
}
