package io.langnghe.notify.staff;

import io.langnghe.contracts.Alert;
import io.langnghe.contracts.CaseState;
import io.langnghe.contracts.NotificationRequest;
import io.langnghe.contracts.TrackingCode;
import io.langnghe.contracts.taxonomy.Taxonomy;

import java.time.Instant;
import java.util.List;

/**
 * E-mails to the head of a department and the ward's leader when one of the department's cases becomes
 * overdue and when an early warning is raised for it. Each once: the idempotency key names the case (or
 * the alert) and the recipient, so neither a replay nor a restart mails twice.
 */
public final class Escalations {

    /** Cases linked from an alert's mail, at most: an issue of thousands of reports still makes a short mail. */
    static final int LINKED_AT_MOST = 100;

    private final StaffMail staff;
    private final Taxonomy taxonomy;
    private final String language;

    public Escalations(StaffMail staff, Taxonomy taxonomy, String language) {
        this.staff = staff;
        this.taxonomy = taxonomy;
        this.language = language;
    }

    public List<NotificationRequest> overdue(CaseState state, Instant now) {
        String department = state.department();
        String code = TrackingCode.display(state.trackingCode());
        String subject = vi() ? "Quá hạn: kiến nghị " + code + " của " + name(department)
                : "Overdue: petition " + code + " of " + name(department);
        String text = (vi() ? "Kiến nghị " + code + " đã quá hạn xử lý (hạn " + state.dueAt() + ").\nMở hồ sơ: "
                : "Petition " + code + " is overdue (due " + state.dueAt() + ").\nOpen the case: ") + staff.link(state.caseId());
        return staff.escalateTo(department).stream()
                .map(to -> mail("escalation:overdue:" + state.caseId() + ":" + to, state.caseId(), state.version(), to, subject, text, now))
                .toList();
    }

    public List<NotificationRequest> alert(Alert alert, Instant now) {
        if (alert.department() == null) {
            return List.of();
        }
        String reasons = String.join("; ", alert.reasons().stream().map(Alert.Reason::description).toList());
        String subject = vi() ? "Cảnh báo sớm (" + alert.level() + ") cho " + name(alert.department())
                : "Early warning (" + alert.level() + ") for " + name(alert.department());
        StringBuilder text = new StringBuilder(vi() ? "Lý do: " : "Reasons: ").append(reasons).append("\n");
        alert.caseIds().stream().limit(LINKED_AT_MOST).forEach(id -> text.append(staff.link(id)).append("\n"));
        if (alert.caseIds().size() > LINKED_AT_MOST) {
            int more = alert.caseIds().size() - LINKED_AT_MOST;
            text.append(vi() ? "... và " + more + " hồ sơ khác\n" : "... and " + more + " more cases\n");
        }
        return staff.escalateTo(alert.department()).stream()
                .map(to -> mail("escalation:alert:" + alert.alertId() + ":" + to, alert.department(), 0, to, subject,
                        text.toString().strip(), now))
                .toList();
    }

    private NotificationRequest mail(String key, String subjectId, long version, String to, String subject, String text, Instant now) {
        return new NotificationRequest(NotificationRequest.SCHEMA_VERSION, key, subjectId, version, null, "escalation", "email", to,
                "email/escalation." + language, language, subject, text, true, now, List.of(), null, false, null);
    }

    private String name(String department) {
        return taxonomy.department(department).map(d -> vi() ? d.vi() : d.en()).orElse(department);
    }

    private boolean vi() {
        return "vi".equals(language);
    }
}
