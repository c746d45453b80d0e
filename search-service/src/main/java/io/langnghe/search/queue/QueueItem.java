package io.langnghe.search.queue;

import io.langnghe.contracts.CaseStatus;
import io.langnghe.contracts.Channel;
import io.langnghe.contracts.Risk;
import io.langnghe.contracts.taxonomy.Taxonomy;
import io.langnghe.search.cases.CodeName;
import io.langnghe.search.index.CaseDocument;
import io.langnghe.search.issues.IssueDocument;
import io.langnghe.search.issues.IssueView;
import io.langnghe.contracts.TrackingCode;

import java.time.Instant;

/**
 * One line of an officer's queue: enough to choose what to open next, how urgent, how risky and how late it is.
 *
 * @param riskScore            the risk that counts now: the issue's current one for a case in a scored issue, else the case's own
 * @param issue                the case's issue as scored now, or null when it is in none (or its issue is not indexed)
 * @param awaitingConfirmation a resident said "not fixed" with the tracking code alone (no phone to prove it
 *                             is them): the case stays as it was until an officer confirms and reopens it
 */
public record QueueItem(
        String caseId,
        String trackingCode,
        String text,
        CodeName category,
        CaseStatus status,
        String area,
        Channel channel,
        Instant createdAt,
        Instant dueAt,
        long version,
        Deadline deadline,
        boolean urgent,
        Integer riskScore,
        String riskLevel,
        String clusterId,
        IssueView issue,
        boolean awaitingConfirmation) {

    /** @param issue the case's issue as indexed now, or null */
    public static QueueItem of(CaseDocument doc, IssueDocument issue, Taxonomy taxonomy, Instant now) {
        Risk risk = IssueView.currentRisk(doc.risk(), issue);
        return new QueueItem(
                doc.caseId(),
                TrackingCode.display(doc.trackingCode()),
                doc.text(),
                CodeName.category(taxonomy, doc.category()),
                doc.status(),
                doc.area(),
                doc.channel(),
                doc.createdAt(),
                doc.dueAt(),
                doc.version(),
                Deadline.of(doc.dueAt(), now),
                doc.urgent(),
                risk == null ? null : risk.score(),
                risk == null ? null : risk.level(),
                doc.clusterId(),
                IssueView.of(issue),
                awaitsConfirmation(doc));
    }

    private static boolean awaitsConfirmation(CaseDocument doc) {
        return doc.rating() != null && !doc.rating().fixed() && !doc.rating().proven() && doc.status() != CaseStatus.REOPENED;
    }
}
