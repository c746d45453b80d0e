package io.langnghe.search.issues;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch.core.MgetResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import io.langnghe.search.index.Elastic;
import io.langnghe.search.index.ElasticsearchSettings;
import jakarta.inject.Singleton;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.langnghe.search.issues.IssueFields.ISSUE_ID;
import static io.langnghe.search.issues.IssueFields.RISK_SCORE;

/**
 * Reads issues as the early warning scores them now, by id: one get for a case page, one mget for the
 * lines of a page, the scores alone for a whole queue; never a request per case. Before the issue indexer has created the index there is simply
 * no issue; when Elasticsearch does not answer, a 503 as for every read.
 */
@Singleton
public class IssueReader {

    private static final int NOT_FOUND = 404;

    private final ElasticsearchClient client;
    private final String alias;

    public IssueReader(ElasticsearchClient client, ElasticsearchSettings settings) {
        this.client = client;
        this.alias = IssuesIndex.of(settings).alias();
    }

    public Optional<IssueDocument> current(String issueId) {
        if (issueId == null || issueId.isBlank()) {
            return Optional.empty();
        }
        return Optional.ofNullable(current(List.of(issueId)).get(issueId));
    }

    /**
     * The current score of each scored issue among these ids, as an aggregation over the score's doc values:
     * no document is fetched, which for the hundreds of issues a queue may hold costs a fraction of a fetch.
     */
    public Map<String, Integer> scores(Collection<String> issueIds) {
        List<FieldValue> ids = issueIds.stream().filter(id -> id != null && !id.isBlank()).distinct().map(FieldValue::of).toList();
        if (ids.isEmpty()) {
            return Map.of();
        }
        SearchResponse<Void> response = Elastic.ask(() -> {
            try {
                return client.search(s -> s
                                .index(alias)
                                .size(0)
                                .query(q -> q.bool(b -> b
                                        .filter(f -> f.terms(t -> t.field(ISSUE_ID).terms(v -> v.value(ids))))
                                        .filter(f -> f.exists(e -> e.field(RISK_SCORE)))))
                                .aggregations("issue", a -> a
                                        .terms(t -> t.field(ISSUE_ID).size(ids.size()))
                                        .aggregations("score", sub -> sub.max(m -> m.field(RISK_SCORE)))),
                        Void.class);
            } catch (ElasticsearchException e) {
                if (e.status() == NOT_FOUND) {
                    return null;
                }
                throw e;
            }
        });
        Map<String, Integer> scores = new HashMap<>();
        if (response == null) {
            return scores;
        }
        for (StringTermsBucket issue : response.aggregations().get("issue").sterms().buckets().array()) {
            scores.put(issue.key().stringValue(), (int) issue.aggregations().get("score").max().value());
        }
        return scores;
    }

    /** The indexed issues among these ids; an id the index does not hold (any more) is absent. */
    public Map<String, IssueDocument> current(Collection<String> issueIds) {
        List<String> ids = issueIds.stream().filter(id -> id != null && !id.isBlank()).distinct().toList();
        if (ids.isEmpty()) {
            return Map.of();
        }
        MgetResponse<IssueDocument> response = Elastic.ask(() -> {
            try {
                return client.mget(m -> m.index(alias).ids(ids), IssueDocument.class);
            } catch (ElasticsearchException e) {
                if (e.status() == NOT_FOUND) {
                    // no issues index yet: no case is in an indexed issue
                    return null;
                }
                throw e;
            }
        });
        Map<String, IssueDocument> found = new HashMap<>();
        if (response == null) {
            return found;
        }
        for (MultiGetResponseItem<IssueDocument> item : response.docs()) {
            if (item.isResult() && item.result().found() && item.result().source() != null) {
                found.put(item.result().id(), item.result().source());
            }
        }
        return found;
    }
}
