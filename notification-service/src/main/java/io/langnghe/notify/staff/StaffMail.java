package io.langnghe.notify.staff;

import java.util.List;

/**
 * Who on the staff gets which mail: each department's officers (the digest), its head and the ward's
 * leader (escalations). Addresses are {@code <role>.<department>@<domain>} of the ward's mail domain,
 * the way the demo accounts are named ({@code canbo.kinh_te_ha_tang_do_thi}); a ward with other
 * addresses sets the domain to its own and keeps the role names as mailing lists.
 *
 * @param caseUrl the officer workspace's link to a case; the case id is appended
 */
public record StaffMail(String domain, String leader, String caseUrl) {

    public String officers(String department) {
        return "canbo." + department + "@" + domain;
    }

    public String head(String department) {
        return "truongphong." + department + "@" + domain;
    }

    public String leaderAddress() {
        return leader + "@" + domain;
    }

    /** The head of the department and the leader: who hears of an overdue case or an alert. */
    public List<String> escalateTo(String department) {
        return List.of(head(department), leaderAddress());
    }

    public String link(String caseId) {
        return caseUrl + caseId;
    }
}
