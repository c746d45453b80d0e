package io.langnghe.search.publicread;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.langnghe.search.index.CaseDocument;
import io.langnghe.search.index.ElasticsearchSettings;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Objects;

import static io.langnghe.search.index.CaseFields.*;
import static io.langnghe.search.index.Elastic.ask;
import static io.langnghe.search.index.Filters.receivedBetween;
import static io.langnghe.search.index.Filters.terms;

/**
 * Reads the petitions anyone may list, recently changed first. Only the fields a public answer
 * needs leave the index; the contact's name is read only to mask it in the text, never shown.
 */
@Singleton
public class PublicRequestReader {

    private static final List<String> READ_FIELDS = List.of(CASE_ID, CATEGORY, AREA, STATUS, TEXT, PUBLIC_ANSWER,
            RECEIVED_AT, CREATED_AT, UPDATED_AT, DUE_AT, DEPARTMENT, CONTACT + ".name");

    private final ElasticsearchClient client;
    private final String alias;

    public PublicRequestReader(ElasticsearchClient client, ElasticsearchSettings settings) {
        this.client = client;
        this.alias = settings.casesIndex().alias();
    }

    public record Found(List<CaseDocument> cases, long total) {
    }

    public Found find(PublicRequestParameters.Query query) {
        Query filtered = Query.of(q -> q.bool(b -> {
            terms(b, STATUS, query.statuses().stream().map(s -> s.code()).toList());
            terms(b, CATEGORY, query.categories().stream().map(c -> c.code()).toList());
            terms(b, AREA, query.areas());
            terms(b, CASE_ID, query.publicIds());
            receivedBetween(b, query.from(), query.to());
            return b;
        }));
        SearchResponse<CaseDocument> response = ask(() -> client.search(s -> s
                        .index(alias)
                        .query(filtered)
                        .source(src -> src.filter(f -> f.includes(READ_FIELDS)))
                        .from(query.offset())
                        .size(query.size())
                        .trackTotalHits(t -> t.enabled(true))
                        .sort(o -> o.field(f -> f.field(UPDATED_AT).order(SortOrder.Desc)))
                        .sort(o -> o.field(f -> f.field(CASE_ID).order(SortOrder.Asc))),
                CaseDocument.class));
        List<CaseDocument> cases = response.hits().hits().stream().map(Hit::source).filter(Objects::nonNull).toList();
        long total = response.hits().total() == null ? cases.size() : response.hits().total().value();
        return new Found(cases, total);
    }
}
