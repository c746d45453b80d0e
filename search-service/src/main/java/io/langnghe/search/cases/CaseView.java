package io.langnghe.search.cases;

import io.langnghe.access.Caller;
import io.langnghe.contracts.CaseStatus;
import io.langnghe.contracts.Channel;
import io.langnghe.contracts.Contact;
import io.langnghe.contracts.HistoryEntry;
import io.langnghe.contracts.taxonomy.Taxonomy;
import io.langnghe.search.index.CaseDocument;
import io.langnghe.contracts.TrackingCode;

import java.time.Instant;
import java.util.List;

/**
 * A case as officers and leaders see it. {@code contact} is filled only for an officer of the
 * case's own department (Decree 13/2023); for everyone else it is absent, not masked.
 *
 * @param history only on the case page, not in search results
 */
public record CaseView(
        String caseId,
        String trackingCode,
        String text,
        CodeName category,
        CodeName department,
        CaseStatus status,
        String area,
        Channel channel,
        Instant receivedAt,
        Instant createdAt,
        Instant updatedAt,
        Instant dueAt,
        long version,
        ClassificationView classification,
        String publicAnswer,
        ContactView contact,
        List<HistoryEntry> history) {

    public record ClassificationView(double confidence, List<String> reasons) {
    }

    /** How to reach the resident: the contact as given, and the address of the problem. */
    public record ContactView(String name, String phone, String phoneMasked, boolean consentToContact, String address) {

        static ContactView of(Contact contact, String address) {
            Contact given = contact == null ? Contact.none() : contact;
            return new ContactView(given.name(), given.phone(), given.phoneMasked(), given.consentToContact(), address);
        }
    }

    public static CaseView summary(CaseDocument doc, Caller caller, Taxonomy taxonomy) {
        return of(doc, caller, taxonomy, false);
    }

    public static CaseView detail(CaseDocument doc, Caller caller, Taxonomy taxonomy) {
        return of(doc, caller, taxonomy, true);
    }

    private static CaseView of(CaseDocument doc, Caller caller, Taxonomy taxonomy, boolean withHistory) {
        var classification = doc.classification() == null ? null
                : new ClassificationView(doc.classification().confidence(), doc.classification().reasons());
        return new CaseView(
                doc.caseId(),
                TrackingCode.display(doc.trackingCode()),
                doc.text(),
                CodeName.category(taxonomy, doc.category()),
                CodeName.department(taxonomy, doc.department()),
                doc.status(),
                doc.area(),
                doc.channel(),
                doc.receivedAt(),
                doc.createdAt(),
                doc.updatedAt(),
                doc.dueAt(),
                doc.version(),
                classification,
                doc.publicAnswer(),
                caller.maySeeContactOf(doc.department()) ? ContactView.of(doc.contact(), doc.address()) : null,
                withHistory ? doc.history() : null);
    }
}
