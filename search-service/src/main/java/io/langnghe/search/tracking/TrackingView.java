package io.langnghe.search.tracking;

import io.langnghe.contracts.CaseStatus;
import io.langnghe.contracts.TrackingCode;
import io.langnghe.contracts.taxonomy.Taxonomy;
import io.langnghe.search.cases.CodeName;
import io.langnghe.search.index.CaseDocument;
import io.langnghe.search.publicread.TextMasking;

import java.time.Instant;
import java.util.List;

/**
 * What anyone holding the tracking code sees: where the petition stands and the ward's answer.
 * Deliberately no text, contact or address: the code may be shared or guessed. For the same reason
 * the resident's rating shows its stars and "fixed" but not the comment, and of the photos only the
 * answer's proof is shown (the petition's may show the resident or their home).
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
        List<AnswerPhoto> answerPhotos) {

    /** A photo of the answer's proof: the bytes at /api/track/{code}/photos/{ref}. */
    public record AnswerPhoto(String ref, String contentType) {
    }

    /** The resident's last rating of the answer, or null. */
    public record SavedRating(int stars, boolean fixed, Instant ratedAt) {
    }

    public static TrackingView of(CaseDocument doc, Taxonomy taxonomy) {
        return new TrackingView(
                TrackingCode.display(doc.trackingCode()),
                doc.status(),
                CodeName.category(taxonomy, doc.category()),
                CodeName.department(taxonomy, doc.department()),
                doc.createdAt(),
                doc.updatedAt(),
                doc.dueAt(),
                // masked as on every public surface: whoever holds the code may not be the resident
                TextMasking.mask(doc.publicAnswer(), doc.contact() == null ? null : doc.contact().name()),
                doc.rating() == null ? null : new SavedRating(doc.rating().stars(), doc.rating().fixed(), doc.rating().ratedAt()),
                doc.answerPhotos().stream().map(p -> new AnswerPhoto(p.ref(), p.contentType())).toList());
    }
}
