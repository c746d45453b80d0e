package io.langnghe.search.similar;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.langnghe.access.Caller;
import io.langnghe.access.Roles;
import io.langnghe.contracts.CaseStatus;
import io.langnghe.contracts.taxonomy.Taxonomy;
import io.langnghe.search.cases.CodeName;
import io.langnghe.search.index.CaseDocument;
import io.langnghe.contracts.TrackingCode;
import io.langnghe.search.publicread.TextMasking;

import java.time.Instant;

/**
 * An open case that looks like what a resident is about to send. Anyone sees its public id,
 * category, status and masked public answer; staff also see the tracking code (a caller may name it
 * to join that case), the case id and the start of the text. The tracking code is the resident's
 * secret, so it is never shown to anyone else.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SimilarCase(String publicId, String trackingCode, CodeName category, CaseStatus status, Instant createdAt,
                          String publicAnswer, String caseId, String snippet) {

    static final int SNIPPET_LENGTH = 160;

    static SimilarCase of(CaseDocument doc, Caller caller, Taxonomy taxonomy) {
        boolean staff = caller != null
                && (caller.is(Roles.OPERATOR) || caller.is(Roles.LEADER) || caller.is(Roles.OFFICER));
        return new SimilarCase(doc.caseId(),
                staff && doc.trackingCode() != null ? TrackingCode.display(doc.trackingCode()) : null,
                CodeName.category(taxonomy, doc.category()), doc.status(),
                doc.createdAt(), staff ? doc.publicAnswer() : TextMasking.mask(doc.publicAnswer()),
                staff ? doc.caseId() : null,
                staff ? snippet(doc.text()) : null);
    }

    static String snippet(String text) {
        if (text == null || text.length() <= SNIPPET_LENGTH) {
            return text;
        }
        // Never cut a surrogate pair in two.
        int end = Character.isHighSurrogate(text.charAt(SNIPPET_LENGTH - 1)) ? SNIPPET_LENGTH - 1 : SNIPPET_LENGTH;
        return text.substring(0, end);
    }
}
