package io.langnghe.routing.warning;

import io.langnghe.contracts.Category;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One issue reported several times: the cases that look alike in one area and its neighbours. Its
 * id is the first case's ("issue-" + case id), so it is the same after every replay.
 */
public record Cluster(String clusterId, Category category, List<Member> members) {

    /** One report: which case, who sent it (hashed), when. */
    public record Member(String caseId, String reporter, Instant at) {
    }

    public Cluster {
        members = List.copyOf(members);
    }

    static Cluster startedBy(CaseMemo first) {
        return new Cluster("issue-" + first.caseId(), first.category(), List.of(new Member(first.caseId(), first.reporter(), first.receivedAt())));
    }

    Cluster with(CaseMemo report) {
        if (members.stream().anyMatch(m -> m.caseId().equals(report.caseId()))) {
            return this;
        }
        List<Member> more = new ArrayList<>(members);
        more.add(new Member(report.caseId(), report.reporter(), report.receivedAt()));
        return new Cluster(clusterId, category, more);
    }

    Cluster without(String caseId) {
        return new Cluster(clusterId, category, members.stream().filter(m -> !m.caseId().equals(caseId)).toList());
    }

    List<String> caseIds() {
        return members.stream().map(Member::caseId).toList();
    }

    /** The reports of the last {@code window} before {@code now} (a report is never in the future of the one being read). */
    List<Member> within(Duration window, Instant now) {
        return members.stream().filter(m -> !m.at().isBefore(now.minus(window))).toList();
    }

    /** Distinct reporters among these reports. */
    static Set<String> reporters(Collection<Member> reports) {
        return reports.stream().map(Member::reporter).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** How many times each reporter came back: reports beyond their first. */
    static int returns(Collection<Member> reports) {
        Map<String, Long> perReporter = reports.stream().collect(Collectors.groupingBy(Member::reporter, Collectors.counting()));
        return perReporter.values().stream().mapToInt(n -> (int) (n - 1)).sum();
    }
}
