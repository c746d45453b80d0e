package io.langnghe.search.privacy;

import io.langnghe.contracts.Contact;
import io.langnghe.contracts.TrackingCode;
import io.langnghe.contracts.privacy.ContactKey;
import io.langnghe.search.cases.CaseReader;
import io.langnghe.search.index.CaseDocument;
import io.langnghe.search.indexing.AcknowledgedProducer;
import io.langnghe.search.indexing.KafkaSettings;
import io.langnghe.search.problem.Problem;
import io.langnghe.search.problem.ProblemException;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

/**
 * Erases one resident's contact by crypto-shredding (Decree 13/2023/ND-CP, the right to erasure): a
 * tombstone for their case's key on the compacted {@code contact.keys.v1}, acknowledged by every
 * in-sync replica. Every sealed copy, in every topic, changelog, dead letter, the index and backups,
 * can then no longer be opened; the case itself (category, text, answer, history) stays. Erasing twice
 * is harmless.
 */
@Singleton
public class ContactErasure implements AutoCloseable {

    private final CaseReader cases;
    private final AcknowledgedProducer<ContactKey> keys;
    private final ContactAudit audit;

    public ContactErasure(CaseReader cases, KafkaSettings kafka, ContactAudit audit) {
        this.cases = cases;
        this.keys = new AcknowledgedProducer<>(kafka, kafka.topics().contactKeys());
        this.audit = audit;
    }

    /**
     * @param outcome {@code erased} (the key is gone), {@code no_contact} (the resident left none) or
     *                {@code written_before_sealing} (an older case whose contact is in clear: see the README)
     */
    public record Erased(String caseId, String outcome) {
    }

    public Erased erase(String trackingCode, String actor) {
        CaseDocument target = TrackingCode.parse(trackingCode)
                .flatMap(code -> cases.erasureTargetOf(code.value()))
                .orElseThrow(() -> new ProblemException(Problem.trackingCodeNotFound()));
        Contact contact = target.contact();
        if (contact == null || contact.sealed() == null) {
            boolean clear = contact != null && contact.hasClearDetails();
            audit.erased(actor, target.caseId(), clear ? "refused_clear_contact" : "no_contact");
            return new Erased(target.caseId(), clear ? "written_before_sealing" : "no_contact");
        }
        keys.send(contact.sealed().keyId(), null);
        audit.erased(actor, target.caseId(), "request");
        return new Erased(target.caseId(), "erased");
    }

    @Override
    @PreDestroy
    public void close() {
        keys.close();
    }
}
