package io.langnghe.search.cases;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.FieldValueFactorModifier;
import co.elastic.clients.elasticsearch._types.query_dsl.FunctionBoostMode;
import co.elastic.clients.elasticsearch._types.query_dsl.FunctionScoreMode;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.langnghe.contracts.CaseStatus;
import io.langnghe.search.index.CaseDocument;
import io.langnghe.search.index.ElasticsearchSettings;
import io.langnghe.text.VietnameseText;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

import static io.langnghe.search.index.CaseFields.*;
import static io.langnghe.search.index.Elastic.ask;
import static io.langnghe.search.index.Filters.receivedBetween;
import static io.langnghe.search.index.Filters.terms;

/**
 * Reads cases from the index. Words are matched on the folded text (no diacritics, đ→d), folded
 * in Java exactly as at indexing time, so "cong thoat nuoc" and "cống thoát nước" find the same.
 * When Elasticsearch does not answer, the caller gets a 503, never a 500.
 */
@Singleton
public class CaseReader {

    // Up to three words all must match; longer queries may miss a quarter (typos, extra words).
    static final String WORDS_THAT_MUST_MATCH = "3<75%";
    // What the tracking page may read: the resident's text, contact and address never leave the index here.
    private static final List<String> PUBLIC_FIELDS = List.of(
            TRACKING_CODE, STATUS, CATEGORY, DEPARTMENT, CREATED_AT, UPDATED_AT, DUE_AT, PUBLIC_ANSWER, RATING_STARS, RATING_FIXED,
            RATING + ".ratedAt", ANSWER_PHOTOS, CONTACT + ".name", CASE_ID, LETTER);
    // What the tracking page may read of the cases made of a letter's requests.
    private static final List<String> PUBLIC_REQUEST_FIELDS = List.of(
            CASE_ID, STATUS, CATEGORY, DEPARTMENT, DUE_AT, PUBLIC_ANSWER);

    // issues whose current score orders one queue: a department's open issues, well beyond a ward's
    static final int MAX_ISSUES_IN_QUEUE = 1_000;

    // more than any letter is split into (an accept_requests action names at most 50)
    private static final int MAX_REQUESTS_OF_A_LETTER = 100;

    private final ElasticsearchClient client;
    private final String alias;

    public CaseReader(ElasticsearchClient client, ElasticsearchSettings settings) {
        this.client = client;
        this.alias = settings.casesIndex().alias();
    }

    public record Found(List<CaseDocument> cases, long total) {
    }

    /** Most relevant first, then newest; an officer's scope narrows whatever was asked. */
    public Found search(CaseQuery query, Optional<String> departmentScope) {
        return find(query, departmentScope, List.of(
                SortOptions.of(o -> o.score(sc -> sc.order(SortOrder.Desc))),
                SortOptions.of(o -> o.field(f -> f.field(CREATED_AT).order(SortOrder.Desc)))));
    }

    /**
     * A department's work list: the open cases (or the open statuses asked for), urgent ones first,
     * then the highest risk of escalating, then the one due soonest, then the oldest; a case not yet
     * assessed ranks below every assessed one, a case without a deadline after every case with one.
     * The risk of a case in an issue is its issue's current score ({@code issueScores}, by issue id)
     * when the issue is scored and indexed, else the case's own.
     */
    public Found queue(CaseQuery query, String department, Map<String, Integer> issueScores) {
        return find(open(query), Optional.of(department), List.of(
                SortOptions.of(o -> o.field(f -> f.field(URGENT).order(SortOrder.Desc).missing("_last"))),
                SortOptions.of(o -> o.score(sc -> sc.order(SortOrder.Desc))),
                SortOptions.of(o -> o.field(f -> f.field(DUE_AT).order(SortOrder.Asc).missing("_last"))),
                SortOptions.of(o -> o.field(f -> f.field(CREATED_AT).order(SortOrder.Asc)))),
                filtered -> currentRisk(filtered, issueScores));
    }

    /**
     * The issues the queue's cases belong to, most reports first (at most {@link #MAX_ISSUES_IN_QUEUE}),
     * so their current scores can be read once per request and order the queue.
     */
    public List<String> issuesInQueue(CaseQuery query, String department) {
        Query filtered = filter(open(query), Optional.of(department));
        SearchResponse<Void> response = ask(() -> client.search(s -> s
                        .index(alias)
                        .size(0)
                        .query(filtered)
                        .aggregations("issues", a -> a.terms(t -> t.field(CLUSTER_ID).size(MAX_ISSUES_IN_QUEUE))),
                Void.class));
        return response.aggregations().get("issues").sterms().buckets().array().stream()
                .map(b -> b.key().stringValue())
                .toList();
    }

    private static CaseQuery open(CaseQuery query) {
        List<CaseStatus> statuses = query.statuses().isEmpty()
                ? Arrays.stream(CaseStatus.values()).filter(CaseStatus::isOpen).toList()
                : query.statuses();
        return new CaseQuery(query.text(), query.categories(), List.of(), query.areas(), statuses,
                query.from(), query.to(), query.page(), query.size());
    }

    /**
     * The queue's risk order as the query's score, since this cluster has no scripting: the first function
     * that matches a case gives its score. Members of a scored issue get their issue's, grouped by score (at
     * most 101 functions, whatever the size of the issues); every other case its own, mapped by log10(score + 2),
     * which keeps the order of the scores and puts a case not yet assessed (missing: log10(1) = 0) below an
     * assessed 0. A member's score is mapped the same way, so equal scores tie and the deadline decides.
     */
    private static Query currentRisk(Query filtered, Map<String, Integer> issueScores) {
        Map<Integer, List<FieldValue>> membersByScore = new TreeMap<>();
        issueScores.forEach((issueId, score) ->
                membersByScore.computeIfAbsent(score, k -> new ArrayList<>()).add(FieldValue.of(issueId)));
        return Query.of(q -> q.functionScore(fs -> {
            fs.query(filtered);
            membersByScore.forEach((score, issueIds) -> fs.functions(fn -> fn
                    .filter(f -> f.terms(t -> t.field(CLUSTER_ID).terms(v -> v.value(issueIds))))
                    .weight((double) (float) Math.log10(score + 2.0))));
            fs.functions(fn -> fn.fieldValueFactor(v -> v
                    .field(RISK_SCORE)
                    .modifier(FieldValueFactorModifier.Log2p)
                    .missing(-1.0)));
            return fs.scoreMode(FunctionScoreMode.First).boostMode(FunctionBoostMode.Replace);
        }));
    }

    private Found find(CaseQuery query, Optional<String> departmentScope, List<SortOptions> order) {
        return find(query, departmentScope, order, UnaryOperator.identity());
    }

    private Query filter(CaseQuery query, Optional<String> departmentScope) {
        return Query.of(q -> q.bool(b -> {
            words(b, query.text());
            terms(b, CATEGORY, query.categories().stream().map(c -> c.code()).toList());
            terms(b, DEPARTMENT, query.departments());
            terms(b, AREA, query.areas());
            terms(b, STATUS, query.statuses().stream().map(s -> s.code()).toList());
            departmentScope.ifPresent(department -> terms(b, DEPARTMENT, List.of(department)));
            if (query.cluster() != null) {
                terms(b, CLUSTER_ID, List.of(query.cluster()));
            }
            receivedBetween(b, query.from(), query.to());
            return b;
        }));
    }

    private Found find(CaseQuery query, Optional<String> departmentScope, List<SortOptions> order, UnaryOperator<Query> scored) {
        Query filtered = scored.apply(filter(query, departmentScope));
        List<SortOptions> sort = new ArrayList<>(order);
        sort.add(SortOptions.of(o -> o.field(f -> f.field(CASE_ID).order(SortOrder.Asc))));
        SearchResponse<CaseDocument> response = ask(() -> client.search(s -> s
                        .index(alias)
                        .query(filtered)
                        .from(query.offset())
                        .size(query.size())
                        .trackTotalHits(t -> t.enabled(true))
                        .sort(sort),
                CaseDocument.class));
        List<CaseDocument> cases = response.hits().hits().stream().map(Hit::source).filter(Objects::nonNull).toList();
        long total = response.hits().total() == null ? cases.size() : response.hits().total().value();
        return new Found(cases, total);
    }

    public Optional<CaseDocument> byId(String caseId) {
        // Elasticsearch refuses ids over 512 bytes; no case has one, so there is nothing to ask.
        if (caseId == null || caseId.isBlank() || caseId.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 512) {
            return Optional.empty();
        }
        var response = ask(() -> client.get(g -> g.index(alias).id(caseId), CaseDocument.class));
        return response.found() ? Optional.ofNullable(response.source()) : Optional.empty();
    }

    /** The cases made of a letter's requests, as far as they are indexed yet: the case page and the tracking page list them. */
    public List<CaseDocument> requestsOf(String letterId) {
        return requestsOf(letterId, null);
    }

    /** The same with only these fields (null: all of them). */
    public List<CaseDocument> requestsOf(String letterId, List<String> fields) {
        SearchResponse<CaseDocument> response = ask(() -> client.search(s -> {
                    s.index(alias)
                            .query(q -> q.term(t -> t.field(LETTER_ID).value(letterId)))
                            .sort(o -> o.field(f -> f.field(CASE_ID).order(SortOrder.Asc)))
                            .size(MAX_REQUESTS_OF_A_LETTER);
                    return fields == null ? s : s.source(src -> src.filter(f -> f.includes(fields)));
                },
                CaseDocument.class));
        return response.hits().hits().stream().map(Hit::source).filter(Objects::nonNull).toList();
    }

    /** The cases of a letter's requests, with only the fields its tracking code may see. */
    public List<CaseDocument> publicRequestsOf(String letterId) {
        return requestsOf(letterId, PUBLIC_REQUEST_FIELDS);
    }

    /** The case behind a tracking code, with only the fields a resident may see. */
    public Optional<CaseDocument> byTrackingCode(String normalisedCode) {
        return byTrackingCode(normalisedCode, PUBLIC_FIELDS);
    }

    /** The case a resident's command (a rating) is about: its id and status, never shown to the resident. */
    public Optional<CaseDocument> commandTargetOf(String normalisedCode) {
        // the phone, to check the resident's proof, and the rating, kept or not: read here, never shown
        return byTrackingCode(normalisedCode, List.of(CASE_ID, TRACKING_CODE, STATUS, CONTACT + ".phone", CONTACT + ".sealed", RATING));
    }

    /** The case a resident asked to be erased from: its id and its contact (sealed, or in clear if older). */
    public Optional<CaseDocument> erasureTargetOf(String normalisedCode) {
        return byTrackingCode(normalisedCode, List.of(CASE_ID, CONTACT));
    }

    private Optional<CaseDocument> byTrackingCode(String normalisedCode, List<String> fields) {
        if (normalisedCode == null || normalisedCode.isEmpty()) {
            return Optional.empty();
        }
        SearchResponse<CaseDocument> response = ask(() -> client.search(s -> s
                        .index(alias)
                        .query(q -> q.term(t -> t.field(TRACKING_CODE).value(normalisedCode)))
                        .source(src -> src.filter(f -> f.includes(fields)))
                        .size(1),
                CaseDocument.class));
        return response.hits().hits().stream().map(Hit::source).filter(Objects::nonNull).findFirst();
    }

    private static void words(BoolQuery.Builder bool, String text) {
        if (text == null) {
            return;
        }
        String folded = VietnameseText.fold(text);
        bool.must(m -> m.match(w -> w
                .field(TEXT_FOLDED)
                .query(folded)
                .minimumShouldMatch(WORDS_THAT_MUST_MATCH)));
        // The words in that order rank first, and a text with the very diacritics typed ranks higher.
        bool.should(s -> s.matchPhrase(p -> p
                .field(TEXT_FOLDED)
                .query(folded)
                .slop(2)
                .boost(2.0f)));
        bool.should(s -> s.match(w -> w
                .field(TEXT)
                .query(VietnameseText.normalize(text))
                .boost(0.5f)));
    }
}
