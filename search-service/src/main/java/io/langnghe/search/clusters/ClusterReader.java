package io.langnghe.search.clusters;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.aggregations.TermsAggregationExecutionHint;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import io.langnghe.contracts.CaseStatus;
import io.langnghe.contracts.Category;
import io.langnghe.contracts.taxonomy.Taxonomy;
import io.langnghe.search.cases.CodeName;
import io.langnghe.search.index.ElasticsearchSettings;
import io.langnghe.search.issues.IssueDocument;
import io.langnghe.search.issues.IssueReader;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static io.langnghe.search.index.CaseFields.*;
import static io.langnghe.search.index.Elastic.ask;

/**
 * Clusters by size: one terms aggregation on {@code clusterId} over the open cases, by their values (size 0: no
 * documents), each bucket with its commonest area, category and department and its highest risk, then
 * the issues' current risk and size in one mget of the issues index (counts only: no resident's data).
 */
@Singleton
public class ClusterReader {

    static final int TOP = 10;

    private final ElasticsearchClient client;
    private final String alias;
    private final Taxonomy taxonomy;
    private final IssueReader issues;

    public ClusterReader(ElasticsearchClient client, ElasticsearchSettings settings, Taxonomy taxonomy, IssueReader issues) {
        this.client = client;
        this.issues = issues;
        this.alias = settings.casesIndex().alias();
        this.taxonomy = taxonomy;
    }

    public ClusterSizes largest(Optional<String> departmentScope, Instant now) {
        List<FieldValue> open = Arrays.stream(CaseStatus.values()).filter(CaseStatus::isOpen)
                .map(s -> FieldValue.of(s.code())).toList();
        SearchResponse<Void> response = ask(() -> client.search(s -> s
                        .index(alias)
                        .size(0)
                        .query(q -> q.bool(b -> {
                            b.filter(f -> f.terms(t -> t.field(STATUS).terms(v -> v.value(open))));
                            b.filter(f -> f.exists(e -> e.field(CLUSTER_ID)));
                            departmentScope.ifPresent(d -> b.filter(f -> f.term(t -> t.field(DEPARTMENT).value(d))));
                            return b;
                        }))
                        // by the values of the open cases it matches: global ordinals would list every issue ever kept
                        .aggregations("cluster", a -> a
                                .terms(t -> t.field(CLUSTER_ID).size(TOP).executionHint(TermsAggregationExecutionHint.Map))
                                .aggregations("area", sub -> sub.terms(t -> t.field(AREA).size(1)))
                                .aggregations("category", sub -> sub.terms(t -> t.field(CATEGORY).size(1)))
                                .aggregations("department", sub -> sub.terms(t -> t.field(DEPARTMENT).size(1)))
                                .aggregations("risk", sub -> sub.max(m -> m.field(RISK_SCORE)))
                                .aggregations("assessed", sub -> sub.valueCount(v -> v.field(RISK_SCORE)))
                                .aggregations("first", sub -> sub.min(m -> m.field(CREATED_AT)))
                                .aggregations("last", sub -> sub.max(m -> m.field(CREATED_AT)))),
                Void.class));
        List<ClusterSizes.Cluster> counted = response.aggregations().get("cluster").sterms().buckets().array().stream()
                .map(this::cluster)
                .toList();
        Map<String, IssueDocument> current = issues.current(counted.stream().map(ClusterSizes.Cluster::clusterId).toList());
        return new ClusterSizes(now, counted.stream().map(c -> c.withIssue(current.get(c.clusterId()))).toList());
    }

    private ClusterSizes.Cluster cluster(StringTermsBucket bucket) {
        var aggs = bucket.aggregations();
        return new ClusterSizes.Cluster(
                bucket.key().stringValue(),
                bucket.docCount(),
                top(aggs.get("area"), code -> taxonomy.area(code).map(a -> new CodeName(code, a.vi(), a.en()))
                        .orElse(new CodeName(code, null, null))),
                top(aggs.get("category"), code -> Category.fromCode(code).map(c -> CodeName.category(taxonomy, c))
                        .orElse(new CodeName(code, null, null))),
                top(aggs.get("department"), code -> CodeName.department(taxonomy, code)),
                aggs.get("assessed").valueCount().value() == 0 ? null : (int) aggs.get("risk").max().value(),
                instant(aggs.get("first").min().value()),
                instant(aggs.get("last").max().value()),
                null);
    }

    private static CodeName top(Aggregate terms, Function<String, CodeName> named) {
        return terms.sterms().buckets().array().stream().findFirst().map(b -> named.apply(b.key().stringValue())).orElse(null);
    }

    private static Instant instant(double epochMillis) {
        return Double.isFinite(epochMillis) ? Instant.ofEpochMilli((long) epochMillis) : null;
    }
}
