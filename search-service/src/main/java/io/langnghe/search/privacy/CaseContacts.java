package io.langnghe.search.privacy;

import io.langnghe.access.Caller;
import io.langnghe.contracts.privacy.ContactKeys;
import io.langnghe.contracts.privacy.DisclosedContact;
import io.langnghe.search.index.CaseDocument;
import jakarta.inject.Singleton;

import java.util.Locale;

/**
 * Opens a case's contact for the one who may read it: the officer of its department on the case page
 * (each opening in the audit log), or the rating check that compares the phone's last digits.
 */
@Singleton
public class CaseContacts {

    private final ContactKeys keys;
    private final ContactAudit audit;

    public CaseContacts(ContactKeys keys, ContactAudit audit) {
        this.keys = keys;
        this.audit = audit;
    }

    /** The contact an officer sees on the case page, opened and audited. */
    public DisclosedContact forCasePage(CaseDocument doc, Caller caller) {
        DisclosedContact disclosed = keys.disclose(doc.contact(), doc.address());
        audit.viewed(caller.username(), caller.role(), doc.caseId(), disclosed.status().name().toLowerCase(Locale.ROOT));
        return disclosed;
    }

    /** The phone the resident gave, to check their proof; null when none was given or it was erased. */
    public String phoneForProof(CaseDocument doc) {
        return keys.disclose(doc.contact(), null).details().phone();
    }
}
