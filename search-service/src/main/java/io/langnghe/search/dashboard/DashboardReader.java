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
                                        .terms(v -> v.value(ANSWERED.stream().map(st -> FieldValue.of(st.code())).toList())))))),
                Void.class));
        Map<String, StringTermsBucket> byDepartment = new HashMap<>();
        response.aggregations().get("department").sterms().buckets().array()
                .forEach(b -> byDepartment.put(b.key().stringValue(), b));
        List<DepartmentPerformance.Row> rows = taxonomy.departments().stream()
                .map(d -> {
                    StringTermsBucket b = byDepartment.get(d.code());
                    return new DepartmentPerformance.Row(CodeName.department(taxonomy, d.code()),
                            b == null ? 0 : b.aggregations().get("open").filter().docCount(),
                            b == null ? 0 : b.aggregations().get("overdue").filter().docCount(),
                            b == null ? 0 : b.aggregations().get("answered").filter().docCount());
                })
                .toList();
        return new DepartmentPerformance(now, rows);
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
