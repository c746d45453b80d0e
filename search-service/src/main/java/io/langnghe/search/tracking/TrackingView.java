package io.langnghe.search.tracking;

import io.langnghe.contracts.CaseState;
import io.langnghe.contracts.CaseStatus;
import io.langnghe.contracts.TrackingCode;
import io.langnghe.contracts.taxonomy.Taxonomy;
import io.langnghe.search.cases.CodeName;
import io.langnghe.search.index.CaseDocument;
import io.langnghe.search.publicread.TextMasking;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What anyone holding the tracking code sees: where the petition stands and the ward's answer.
 * Deliberately no text, contact or address: the code may be shared or guessed. For the same reason
 * the resident's rating shows its stars and "fixed" but not the comment, and of the photos only the
 * answer's proof is shown (the petition's may show the resident or their home). A letter whose requests
 * the ward took up as cases of their own lists them under the letter's code: each request's department,
 * status and answer, never a code or a contact of its own.
 */
public record TrackingView(
        String trackingCode,
        CaseStatus status,
        CodeName category,
        CodeName department,
        Instant createdAt,
        Instant updatedAt,
        Instant dueAt,
        String publicAnswer,
        SavedRating rating,
        List<AnswerPhoto> answerPhotos,
        List<TrackedRequest> requests) {

    /** A photo of the answer's proof: the bytes at /api/track/{code}/photos/{ref}. */
    public record AnswerPhoto(String ref, String contentType) {
    }

    /** The resident's last rating of the answer, or null. */
    public record SavedRating(int stars, boolean fixed, Instant ratedAt) {
    }

    /**
     * One request of the letter, made a case of its own.
     *
     * @param number its number in the letter, from 1
     * @param status null while its case is being opened
     */
    public record TrackedRequest(int number, CaseStatus status, CodeName category, CodeName department, Instant dueAt,
                                 String publicAnswer) {
    }

    public static TrackingView of(CaseDocument doc, Taxonomy taxonomy) {
        return of(doc, List.of(), taxonomy);
    }

    /** @param requests the cases of the letter's requests as indexed so far (their public fields) */
    public static TrackingView of(CaseDocument doc, List<CaseDocument> requests, Taxonomy taxonomy) {
        String writer = doc.contact() == null ? null : doc.contact().name();
        return new TrackingView(
                TrackingCode.display(doc.trackingCode()),
                doc.status(),
                CodeName.category(taxonomy, doc.category()),
                CodeName.department(taxonomy, doc.department()),
                doc.createdAt(),
                doc.updatedAt(),
                doc.dueAt(),
                // masked as on every public surface: whoever holds the code may not be the resident
                TextMasking.mask(doc.publicAnswer(), writer),
                doc.rating() == null ? null : new SavedRating(doc.rating().stars(), doc.rating().fixed(), doc.rating().ratedAt()),
                doc.answerPhotos().stream().map(p -> new AnswerPhoto(p.ref(), p.contentType())).toList(),
                tracked(doc, requests, writer, taxonomy));
    }

    private static List<TrackedRequest> tracked(CaseDocument letter, List<CaseDocument> requests, String writer, Taxonomy taxonomy) {
        Map<String, CaseDocument> indexed = requests.stream()
                .collect(Collectors.toMap(CaseDocument::caseId, Function.identity(), (a, b) -> a));
        return letter.letter().children().stream()
                .sorted(Comparator.comparingInt(CaseState.Child::index))
                .map(child -> {
                    CaseDocument now = indexed.get(child.caseId());
                    return now == null
                            ? new TrackedRequest(child.index(), null, null, CodeName.department(taxonomy, child.department()), null, null)
                            : new TrackedRequest(child.index(), now.status(), CodeName.category(taxonomy, now.category()),
                            CodeName.department(taxonomy, now.department()), now.dueAt(), TextMasking.mask(now.publicAnswer(), writer));
                })
                .toList();
    }
}
