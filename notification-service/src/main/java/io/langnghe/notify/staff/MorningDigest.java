package io.langnghe.notify.staff;

import io.langnghe.contracts.DeadlineState;
import io.langnghe.contracts.NotificationRequest;
import io.langnghe.contracts.TrackingCode;
import io.langnghe.contracts.taxonomy.DepartmentInfo;
import io.langnghe.contracts.taxonomy.Taxonomy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Each department's morning e-mail to its officers: the cases that came in during the last day, those due
 * soon and those overdue, each with a link to the case (the oldest {@value #LISTED_AT_MOST} of each); no mail when a
 * department has none of these.
 * Keyed by department, day and recipient, so a second run on the same morning mails nobody twice.
 */
public final class MorningDigest {

    /** Cases named per section, at most: the counts stay whole, and the mail stays small in a flood. */
    static final int LISTED_AT_MOST = 100;

    private final StaffMail staff;
    private final Taxonomy taxonomy;
    private final String language;

    public MorningDigest(StaffMail staff, Taxonomy taxonomy, String language) {
        this.staff = staff;
        this.taxonomy = taxonomy;
        this.language = language;
    }

    /** The digests of {@code day}, from every open case, at {@code now}. */
    public List<NotificationRequest> of(Collection<OpenCase> openCases, LocalDate day, Instant now) {
        List<NotificationRequest> mails = new ArrayList<>();
        Map<String, List<OpenCase>> byDepartment = openCases.stream().filter(c -> c.department() != null)
                .collect(Collectors.groupingBy(OpenCase::department));
        for (DepartmentInfo department : taxonomy.departments()) {
            List<OpenCase> mine = byDepartment.getOrDefault(department.code(), List.of()).stream()
                    .sorted(Comparator.comparing(OpenCase::receivedAt)).toList();
            List<OpenCase> fresh = mine.stream().filter(c -> c.receivedAt().isAfter(now.minus(Duration.ofDays(1)))).toList();
            List<OpenCase> dueSoon = mine.stream().filter(c -> c.deadlineState() == DeadlineState.DUE_SOON).toList();
            List<OpenCase> overdue = mine.stream().filter(c -> c.deadlineState() == DeadlineState.OVERDUE).toList();
            if (fresh.isEmpty() && dueSoon.isEmpty() && overdue.isEmpty()) {
                continue;
            }
            String name = vi() ? department.vi() : department.en();
            String subject = (vi() ? "Kiến nghị của " + name + " sáng " : name + ": petitions on ") + day
                    + (vi() ? ": " + fresh.size() + " mới, " + dueSoon.size() + " sắp hạn, " + overdue.size() + " quá hạn"
                    : ": " + fresh.size() + " new, " + dueSoon.size() + " due soon, " + overdue.size() + " overdue");
            StringBuilder text = new StringBuilder();
            section(text, vi() ? "Mới" : "New", fresh);
            section(text, vi() ? "Sắp đến hạn" : "Due soon", dueSoon);
            section(text, vi() ? "Quá hạn" : "Overdue", overdue);
            String to = staff.officers(department.code());
            mails.add(new NotificationRequest(NotificationRequest.SCHEMA_VERSION, "digest:" + department.code() + ":" + day + ":" + to,
                    department.code(), 0, null, "digest", "email", to, "email/digest." + language, language, subject,
                    text.toString().strip(), false, now, List.of(), null, false, null));
        }
        return mails;
    }

    private void section(StringBuilder text, String title, List<OpenCase> cases) {
        if (cases.isEmpty()) {
            return;
        }
        text.append(title).append(" (").append(cases.size()).append(")\n");
        for (OpenCase c : cases.subList(0, Math.min(cases.size(), LISTED_AT_MOST))) {
            text.append("- ").append(TrackingCode.display(c.trackingCode())).append(" ")
                    .append(c.dueAt() == null ? "" : (vi() ? "hạn " : "due ") + c.dueAt() + " ")
                    .append(staff.link(c.caseId())).append("\n");
        }
        if (cases.size() > LISTED_AT_MOST) {
            int more = cases.size() - LISTED_AT_MOST;
            text.append(vi() ? "... và " + more + " kiến nghị khác trong hàng đợi\n" : "... and " + more + " more in the queue\n");
        }
        text.append("\n");
    }

    private boolean vi() {
        return "vi".equals(language);
    }
}
