package io.langnghe.search.cases;

import io.langnghe.access.Caller;
import io.langnghe.contracts.CaseCommand;
import io.langnghe.contracts.CaseType;
import io.langnghe.contracts.Rating;
import io.langnghe.contracts.Risk;
import io.langnghe.contracts.Place;
import io.langnghe.contracts.ProposedRequest;
import io.langnghe.search.actions.ActionRules;
import io.langnghe.contracts.CaseStatus;
import io.langnghe.contracts.Channel;
import io.langnghe.contracts.Contact;
import io.langnghe.contracts.FeedbackReceived;
import io.langnghe.contracts.HistoryEntry;
import io.langnghe.contracts.taxonomy.Taxonomy;
import io.langnghe.search.index.CaseDocument;
import io.langnghe.search.issues.IssueDocument;
import io.langnghe.search.issues.IssueView;
import io.langnghe.contracts.TrackingCode;

import io.langnghe.contracts.privacy.ContactDetails;
import io.langnghe.contracts.privacy.DisclosedContact;
import io.langnghe.search.privacy.CaseContacts;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * A case as officers and leaders see it. {@code contact} is filled only for an officer of the
 * case's own department (Decree 13/2023); for everyone else it is absent, not masked.
 *
 * @param history only on the case page, not in search results
 * @param risk    the risk that counts now, with its reasons: for a case in an issue the issue's current risk once the
 *                issue is scored and indexed, else the case's own (its last assessment), or null before any
 * @param issue   the case's issue as the early warning scores it now (risk, reports, reporters), or null when the
 *                case is in no issue or its issue is not (or no longer) indexed
 * @param rating  the resident's rating of the answer, comment included (the ward reads it; the public does not)
 * @param photos       the petition's photos (references; the bytes at /api/cases/{id}/photos/{ref})
 * @param answerPhotos the photo proof attached to the answer
 * @param actions on the case page: the actions this caller may ask for the case as it stands (ActionRules)
 * @param letter  on the case page: a letter's requests made cases, or the letter a request's case came from; else null
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
        List<HistoryEntry> history,
        boolean urgent,
        CaseType caseType,
        boolean complex,
        int extensions,
        String caseRef,
        String batchId,
        String clusterId,
        Risk risk,
        Rating rating,
        List<FeedbackReceived.PhotoRef> photos,
        List<FeedbackReceived.PhotoRef> answerPhotos,
        List<String> actions,
        LetterView letter,
        IssueView issue) {

    /**
     * @param place    where the petition's words put it (with its confidence and whether to confirm it), or null
     * @param requests the requests of a letter that holds several, each with its own category and department
     */
    public record ClassificationView(double confidence, List<String> reasons, Place place, List<ProposedRequest> requests) {
    }

    /**
     * How to reach the resident: the contact as given, and the address of the problem.
     *
     * @param erased the resident's contact was erased (on request or after the retention period): the case stays
     */
    public record ContactView(String name, String phone, String phoneMasked, boolean consentToContact, String address,
                              boolean erased) {

        /** What the index holds: for a sealed contact only the masked phone (lists never open contacts). */
        static ContactView of(Contact contact, String address) {
            Contact given = contact == null ? Contact.none() : contact;
            return new ContactView(given.name(), given.phone(), given.phoneMasked(), given.consentToContact(), address, false);
        }

        static ContactView of(Contact contact, DisclosedContact disclosed) {
            Contact given = contact == null ? Contact.none() : contact;
            ContactDetails details = disclosed.details();
            return new ContactView(details.name(), details.phone(), disclosed.erased() ? null : given.phoneMasked(),
                    given.consentToContact(), details.address(), disclosed.erased());
        }
    }

    public static CaseView summary(CaseDocument doc, Caller caller, Taxonomy taxonomy) {
        return of(doc, caller, taxonomy, false,
                caller.maySeeContactOf(doc.department()) ? ContactView.of(doc.contact(), doc.address()) : null);
    }

    /** The case page: an officer of its department gets the contact opened (and the opening audited). */
    public static CaseView detail(CaseDocument doc, Caller caller, Taxonomy taxonomy, CaseContacts contacts) {
        return of(doc, caller, taxonomy, true,
                caller.maySeeContactOf(doc.department()) ? ContactView.of(doc.contact(), contacts.forCasePage(doc, caller)) : null);
    }

    private static CaseView of(CaseDocument doc, Caller caller, Taxonomy taxonomy, boolean withHistory, ContactView contact) {
        var classification = doc.classification() == null ? null
                : new ClassificationView(doc.classification().confidence(), doc.classification().reasons(),
                doc.classification().place(), doc.classification().requests());
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
                contact,
                withHistory ? doc.history() : null,
                doc.urgent(),
                doc.caseType(),
                doc.complex(),
                doc.extensions(),
                TrackingCode.display(doc.caseRef()),
                doc.batchId(),
                doc.clusterId(),
                doc.risk(),
                doc.rating(),
                doc.photos(),
                doc.answerPhotos(),
                withHistory ? actions(doc, caller) : null,
                null,
                null);
    }

    /** The case page with the letter's requests, or the request's letter, as {@link LetterView} tells them. */
    public CaseView withLetter(LetterView view) {
        return new CaseView(caseId, trackingCode, text, category, department, status, area, channel, receivedAt, createdAt,
                updatedAt, dueAt, version, classification, publicAnswer, contact, history, urgent, caseType, complex, extensions,
                caseRef, batchId, clusterId, risk, rating, photos, answerPhotos, actions, view, issue);
    }

    /** The case with its issue as indexed now (null: none), whose current risk replaces the case's own once scored. */
    public CaseView withIssue(IssueDocument current) {
        return new CaseView(caseId, trackingCode, text, category, department, status, area, channel, receivedAt, createdAt,
                updatedAt, dueAt, version, classification, publicAnswer, contact, history, urgent, caseType, complex, extensions,
                caseRef, batchId, clusterId, IssueView.currentRisk(risk, current), rating, photos, answerPhotos, actions, letter,
                IssueView.of(current));
    }

    private static List<String> actions(CaseDocument doc, Caller caller) {
        return Arrays.stream(CaseCommand.Type.values())
                .filter(type -> ActionRules.mayAsk(caller, type) && ActionRules.fits(type, doc))
                .map(CaseCommand.Type::code)
                .toList();
    }
}
