package io.langnghe.search.cases;

import io.langnghe.access.Caller;
import io.langnghe.contracts.CaseState;
import io.langnghe.contracts.CaseStatus;
import io.langnghe.contracts.taxonomy.Taxonomy;
import io.langnghe.search.index.CaseDocument;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How a case stands to a letter that held several requests, as the case page shows it: on the letter, the
 * cases made of its requests with the department and status each has now; on one of those cases, its letter
 * and its number in it. The letter's department follows its requests wherever they went, so it sees their
 * department and status (never their contact); it opens only the ones its officers may open.
 *
 * @param letterId the letter this case is a request of, or null on the letter itself
 * @param index    this case's number in its letter (0 on the letter)
 * @param requests on the letter: the requests that became cases, in their order in the letter
 */
public record LetterView(String letterId, int index, List<RequestCase> requests) {

    /**
     * @param status null while the request's case is being opened (accepted, not indexed yet)
     * @param opens  whether this caller may open the request's case page
     */
    public record RequestCase(int index, String caseId, CodeName department, CaseStatus status, boolean opens) {
    }

    /** Null for a case that is neither a letter with accepted requests nor one of its requests. */
    public static LetterView of(CaseDocument doc, List<CaseDocument> indexedRequests, Caller caller, Taxonomy taxonomy) {
        CaseState.Letter letter = doc.letter();
        if (!letter.isRequest() && letter.children().isEmpty()) {
            return null;
        }
        Map<String, CaseDocument> indexed = indexedRequests.stream()
                .collect(Collectors.toMap(CaseDocument::caseId, Function.identity(), (a, b) -> a));
        List<RequestCase> requests = letter.children().stream()
                .sorted(Comparator.comparingInt(CaseState.Child::index))
                .map(child -> {
                    CaseDocument now = indexed.get(child.caseId());
                    // reassigned since it was accepted: the department it has now
                    String department = now == null ? child.department() : now.department();
                    return new RequestCase(child.index(), child.caseId(), CodeName.department(taxonomy, department),
                            now == null ? null : now.status(),
                            caller.departmentScope().map(department::equals).orElse(true));
                })
                .toList();
        return new LetterView(letter.letterId(), letter.index(), requests);
    }
}
