package io.langnghe.search.dashboard;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import co.elastic.clients.elasticsearch._types.aggregations.FieldDateMath;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import io.langnghe.contracts.CaseStatus;
import io.langnghe.contracts.Category;
import io.langnghe.contracts.taxonomy.Taxonomy;
import io.langnghe.search.cases.CodeName;
import io.langnghe.search.index.ElasticsearchSettings;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.ZoneId;
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
    private static final int MEDIAN_DIGITS = 3;

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
                        .requestCache(true)
                        // the total is the sum of the days: every case counted has its day in the period
                        .trackTotalHits(t -> t.enabled(false))
                        .query(q -> q.bool(b -> b.filter(f -> f.range(r -> r.date(d -> d
                                .field(CREATED_AT).gte(from.toString()).lt(to.toString()))))))
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
        List<Trends.DayCount> days = aggs.get("day").dateHistogram().buckets().array().stream()
                .map(b -> new Trends.DayCount(b.keyAsString(), b.docCount()))
                .toList();
        long total = days.stream().mapToLong(Trends.DayCount::count).sum();
        return new Trends(from, to, total,
                counts(aggs.get("category"), code -> Category.fromCode(code).map(c -> CodeName.category(taxonomy, c)).orElse(null)),
                counts(aggs.get("area"), code -> taxonomy.area(code).map(a -> new CodeName(code, a.vi(), a.en())).orElse(null)),
                counts(aggs.get("channel"), code -> null),
                counts(aggs.get("status"), code -> null),
                counts(aggs.get("department"), code -> CodeName.department(taxonomy, code)),
                days);
    }

    /**
     * Every department's numbers in one pass over the whole index. Each question reads doc values once
     * per case (counts per status with, inside, how many are past due; counts per on-time flag and per
     * "fixed"; stats of the stars) instead of a filter query per question: at a million cases that
     * halves the time. The medians are HDR histograms (3 significant digits, at most 0.1% off, and
     * rounded to whole minutes as the minutes are), several times cheaper per case than a t-digest.
     */
    public DepartmentPerformance performance(Instant now) {
        double nowMillis = now.toEpochMilli();
        SearchResponse<Void> response = ask(() -> client.search(s -> s
                        .index(alias)
                        .size(0)
                        .requestCache(true)
                        .trackTotalHits(t -> t.enabled(false))
                        .aggregations("department", a -> a
                                .terms(t -> t.field(DEPARTMENT).size(ALL_BUCKETS))
                                .aggregations("status", o -> o
                                        .terms(t -> t.field(STATUS).size(ALL_BUCKETS))
                                        .aggregations("overdue", d -> d.range(r -> r.field(DUE_AT).ranges(x -> x.to(nowMillis)))))
                                .aggregations("onTime", o -> o.terms(t -> t.field(ON_TIME).size(2)))
                                .aggregations("toAcknowledge", o -> o.percentiles(p -> p.field(MINUTES_TO_ACKNOWLEDGE)
                                        .percents(50.0).hdr(h -> h.numberOfSignificantValueDigits(MEDIAN_DIGITS))))
                                .aggregations("toResolve", o -> o.percentiles(p -> p.field(MINUTES_TO_RESOLVE)
                                        .percents(50.0).hdr(h -> h.numberOfSignificantValueDigits(MEDIAN_DIGITS))))
                                .aggregations("stars", o -> o.stats(v -> v.field(RATING_STARS)))
                                .aggregations("fixed", o -> o.terms(t -> t.field(RATING_FIXED).size(2)))),
                Void.class));
        Map<String, StringTermsBucket> byDepartment = new HashMap<>();
        response.aggregations().get("department").sterms().buckets().array()
                .forEach(b -> byDepartment.put(b.key().stringValue(), b));
        List<DepartmentPerformance.Row> rows = taxonomy.departments().stream()
                .map(d -> row(d.code(), byDepartment.get(d.code())))
                .toList();
        return new DepartmentPerformance(now, rows);
    }

    private DepartmentPerformance.Row row(String department, StringTermsBucket b) {
        if (b == null) {
            return new DepartmentPerformance.Row(CodeName.department(taxonomy, department), 0, 0, 0, null, null, null,
                    0, null, null);
        }
        long open = 0;
        long overdue = 0;
        long answered = 0;
        for (StringTermsBucket status : b.aggregations().get("status").sterms().buckets().array()) {
            CaseStatus code = CaseStatus.fromCode(status.key().stringValue()).orElse(null);
            if (code != null && code.isOpen()) {
                open += status.docCount();
                overdue += status.aggregations().get("overdue").range().buckets().array().get(0).docCount();
            }
            if (ANSWERED.contains(code)) {
                answered += status.docCount();
            }
        }
        Map<Boolean, Long> onTime = flags(b.aggregations().get("onTime"));
        long withDeadline = onTime.values().stream().mapToLong(Long::longValue).sum();
        var stars = b.aggregations().get("stars").stats();
        long rated = stars.count();
        long fixed = flags(b.aggregations().get("fixed")).getOrDefault(true, 0L);
        return new DepartmentPerformance.Row(CodeName.department(taxonomy, department), open, overdue, answered,
                withDeadline == 0 ? null : (double) onTime.getOrDefault(true, 0L) / withDeadline,
                median(b.aggregations().get("toAcknowledge")),
                median(b.aggregations().get("toResolve")),
                rated,
                rated == 0 ? null : stars.avg(),
                rated == 0 ? null : (double) fixed / rated);
    }

    /** The counts of a terms aggregation on a boolean field (keys 1 and 0), by value. */
    private static Map<Boolean, Long> flags(Aggregate terms) {
        Map<Boolean, Long> counts = new HashMap<>();
        if (terms.isLterms()) {
            terms.lterms().buckets().array().forEach(b -> counts.put(b.key() != 0, b.docCount()));
        }
        return counts;
    }

    /**
     * {@code significant_text} over the folded text, on a sample of the recent petitions (it re-reads
     * each one's text from the stored source, so the sample keeps it fast on a large index); the
     * background is the recent days and the 90 before them. The index is sorted newest first and the
     * period matches every case alike, so the sample is the newest {@value #EMERGING_SAMPLE} of the
     * days (all of them in a ward's usual week), read from neighbouring stored blocks.
     */
    public EmergingWords emergingWords(Instant now) {
        Instant from = now.minus(RECENT_DAYS);
        Instant backgroundFrom = from.minus(BACKGROUND_DAYS);
        SearchResponse<Void> response = ask(() -> client.search(s -> s
                        .index(alias)
                        .size(0)
                        .requestCache(true)
                        .trackTotalHits(t -> t.enabled(false))
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

    /** The median of a percentiles aggregation in whole minutes, or null when no case had the value. */
    private static Double median(Aggregate percentiles) {
        var values = percentiles.isHdrPercentiles()
                ? percentiles.hdrPercentiles().values() : percentiles.tdigestPercentiles().values();
        return values.keyed().values().stream()
                .map(v -> v == null || v.isBlank() || "null".equals(v) ? null : Double.valueOf(v))
                .filter(java.util.Objects::nonNull)
                .map(v -> (double) Math.round(v))
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
