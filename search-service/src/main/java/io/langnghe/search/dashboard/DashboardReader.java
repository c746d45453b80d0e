package io.langnghe.search.dashboard;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
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
    private static final int EMERGING_SAMPLE = 1000;
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
    /**
     * Two passes in one request, each over the cases it needs: the open cases (few, whatever their age)
     * for open and overdue; the cases received in the period for the rest. Over the whole index the
     * medians alone cost more than a leader will wait.
     */
    public DepartmentPerformance performance(Instant now, Instant from, Instant to) {
        double nowMillis = now.toEpochMilli();
        List<FieldValue> open = Arrays.stream(CaseStatus.values()).filter(CaseStatus::isOpen).map(st -> FieldValue.of(st.code())).toList();
        SearchResponse<Void> response = ask(() -> client.search(s -> s
                        .index(alias)
                        .size(0)
                        .requestCache(true)
                        .trackTotalHits(t -> t.enabled(false))
                        .aggregations("open", a -> a
                                .filter(f -> f.terms(t -> t.field(STATUS).terms(v -> v.value(open))))
                                .aggregations("department", d -> d
                                        .terms(t -> t.field(DEPARTMENT).size(ALL_BUCKETS))
                                        .aggregations("overdue", o -> o.range(r -> r.field(DUE_AT).ranges(x -> x.to(nowMillis))))))
                        .aggregations("period", a -> a
                                .filter(f -> f.range(r -> r.date(d -> d.field(CREATED_AT).gte(from.toString()).lt(to.toString()))))
                                .aggregations("department", d -> d
                                        .terms(t -> t.field(DEPARTMENT).size(ALL_BUCKETS))
                                        .aggregations("answered", o -> o.filter(f -> f.terms(t -> t.field(STATUS)
                                                .terms(v -> v.value(ANSWERED.stream().map(st -> FieldValue.of(st.code())).toList())))))
                                        .aggregations("onTime", o -> o.terms(t -> t.field(ON_TIME).size(2)))
                                        .aggregations("toAcknowledge", o -> o.percentiles(p -> p.field(MINUTES_TO_ACKNOWLEDGE)
                                                .percents(50.0).hdr(h -> h.numberOfSignificantValueDigits(MEDIAN_DIGITS))))
                                        .aggregations("toResolve", o -> o.percentiles(p -> p.field(MINUTES_TO_RESOLVE)
                                                .percents(50.0).hdr(h -> h.numberOfSignificantValueDigits(MEDIAN_DIGITS))))
                                        .aggregations("stars", o -> o.stats(v -> v.field(RATING_STARS)))
                                        .aggregations("fixed", o -> o.terms(t -> t.field(RATING_FIXED).size(2))))),
                Void.class));
        Map<String, StringTermsBucket> openByDepartment = byDepartment(response.aggregations().get("open"));
        Map<String, StringTermsBucket> periodByDepartment = byDepartment(response.aggregations().get("period"));
        List<DepartmentPerformance.Row> rows = taxonomy.departments().stream()
                .map(d -> row(d.code(), openByDepartment.get(d.code()), periodByDepartment.get(d.code())))
                .toList();
        return new DepartmentPerformance(now, from, to, rows);
    }

    private static Map<String, StringTermsBucket> byDepartment(Aggregate filtered) {
        Map<String, StringTermsBucket> byDepartment = new HashMap<>();
        filtered.filter().aggregations().get("department").sterms().buckets().array()
                .forEach(b -> byDepartment.put(b.key().stringValue(), b));
        return byDepartment;
    }

    private DepartmentPerformance.Row row(String department, StringTermsBucket open, StringTermsBucket period) {
        long openNow = open == null ? 0 : open.docCount();
        long overdue = open == null ? 0 : open.aggregations().get("overdue").range().buckets().array().get(0).docCount();
        if (period == null) {
            return new DepartmentPerformance.Row(CodeName.department(taxonomy, department), openNow, overdue, 0, null, null, null,
                    0, null, null);
        }
        long answered = period.aggregations().get("answered").filter().docCount();
        Map<Boolean, Long> onTime = flags(period.aggregations().get("onTime"));
        long withDeadline = onTime.values().stream().mapToLong(Long::longValue).sum();
        var stars = period.aggregations().get("stars").stats();
        long rated = stars.count();
        long fixed = flags(period.aggregations().get("fixed")).getOrDefault(true, 0L);
        return new DepartmentPerformance.Row(CodeName.department(taxonomy, department), openNow, overdue, answered,
                withDeadline == 0 ? null : (double) onTime.getOrDefault(true, 0L) / withDeadline,
                median(period.aggregations().get("toAcknowledge")),
                median(period.aggregations().get("toResolve")),
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
