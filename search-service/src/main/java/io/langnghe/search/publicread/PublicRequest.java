package io.langnghe.search.publicread;

import io.langnghe.contracts.CaseStatus;
import io.langnghe.contracts.taxonomy.Taxonomy;
import io.langnghe.search.cases.CodeName;
import io.langnghe.search.index.CaseDocument;

import java.time.Instant;

/**
 * A petition as anyone may see it: what it is about, where, how it stands and the ward's answer.
 * It is known by its public id (the case id, random and unrelated to the tracking code), never by
 * the tracking code, which is the resident's secret: it rates and reopens the case.
 * The text is masked ({@link TextMasking}) and shown up to {@value #MAX_TEXT} characters (enough to
 * know the problem; a page of a thousand long petitions stays cheap); name, phone, contact hash,
 * address and history are not here at all.
 *
 * @param publicId Open311's service_request_id, and how the page of answered petitions links to one
 * @param open     whether someone still owes the resident an answer (Open311's open/closed)
 * @param dueAt    when the ward promised an answer
 */
public record PublicRequest(
        String publicId,
        CodeName category,
        CodeName area,
        CaseStatus status,
        boolean open,
        String text,
        String publicAnswer,
        Instant receivedAt,
        Instant updatedAt,
        Instant dueAt,
        CodeName department) {

    public static final int MAX_TEXT = 1000;

    static PublicRequest of(CaseDocument doc, Taxonomy taxonomy) {
        String contactName = doc.contact() == null ? null : doc.contact().name();
        return new PublicRequest(
                doc.caseId(),
                CodeName.category(taxonomy, doc.category()),
                area(taxonomy, doc.area()),
                doc.status(),
                doc.status() == null || doc.status().isOpen(),
                TextMasking.excerpt(doc.text(), contactName, MAX_TEXT),
                TextMasking.mask(doc.publicAnswer(), contactName),
                doc.receivedAt() != null ? doc.receivedAt() : doc.createdAt(),
                doc.updatedAt(),
                doc.dueAt(),
                CodeName.department(taxonomy, doc.department()));
    }

    private static CodeName area(Taxonomy taxonomy, String code) {
        if (code == null) {
            return null;
        }
        return taxonomy.area(code).map(a -> new CodeName(code, a.vi(), a.en())).orElse(new CodeName(code, null, null));
    }
}
