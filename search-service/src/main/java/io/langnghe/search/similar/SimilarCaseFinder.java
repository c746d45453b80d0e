package io.langnghe.search.similar;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.langnghe.contracts.CaseStatus;
import io.langnghe.search.index.CaseDocument;
import io.langnghe.search.index.ElasticsearchSettings;
import io.langnghe.text.VietnameseText;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import static io.langnghe.search.index.CaseFields.*;
import static io.langnghe.search.index.Elastic.ask;

/** Finds open cases of one area whose folded text shares at least half of the words asked about. */
@Singleton
public class SimilarCaseFinder {

    static final String HALF_THE_WORDS = "50%";
    static final Duration RECENT = Duration.ofDays(30);

    private final ElasticsearchClient client;
    private final String alias;

    public SimilarCaseFinder(ElasticsearchClient client, ElasticsearchSettings settings) {
        this.client = client;
        this.alias = settings.casesIndex().alias();
    }

    public List<CaseDocument> find(String area, String text, int size, Instant now) {
        List<FieldValue> open = Arrays.stream(CaseStatus.values())
                .filter(CaseStatus::isOpen).map(s -> FieldValue.of(s.code())).toList();
        String folded = VietnameseText.fold(text);
        SearchResponse<CaseDocument> response = ask(() -> client.search(s -> s
                        .index(alias)
                        .size(size)
                        .query(q -> q.bool(b -> b
                                .must(m -> m.match(w -> w.field(TEXT_FOLDED).query(folded).minimumShouldMatch(HALF_THE_WORDS)))
                                .filter(f -> f.term(t -> t.field(AREA).value(area)))
                                .filter(f -> f.terms(t -> t.field(STATUS).terms(v -> v.value(open))))
                                .filter(f -> f.range(r -> r.date(d -> d.field(CREATED_AT).gte(now.minus(RECENT).toString()))))))
                        .sort(o -> o.score(sc -> sc.order(SortOrder.Desc)))
                        .sort(o -> o.field(f -> f.field(CREATED_AT).order(SortOrder.Desc))),
                CaseDocument.class));
        return response.hits().hits().stream().map(Hit::source).filter(Objects::nonNull).toList();
    }
}
