package io.langnghe.routing.warning;

import io.langnghe.contracts.Category;
import io.langnghe.contracts.Risk;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One issue reported several times: the cases that look alike in one area and its neighbours. Its
 * id is that of the report that made it one ("issue-" + case id), so it is the same after every replay,
 * and an issue started again about a case whose issue was forgotten (a repeat call) is a new one: its
 * versions start at 1 again, which the forgotten one's tombstone in the index would refuse.
 * <p>
 * The record stays small whatever the size of the issue: it counts every report and reporter, and
 * keeps only the latest {@value #RECENT} reports (by the time they were received), each with what the
 * risk score reads of its case. Each member case carries the id (a case's own record says
 * which issue it is in), and {@link Issues} keeps the latest reports one record each, apart from the counts. Up to
 * {@value #RECENT} reports the counts of the window are exact; beyond, an issue that large is scored
 * on its latest reports and its counts since it began.
 *
 * @param reports   every report it ever had (those split off excepted)
 * @param reporters the distinct reporters it ever had
 * @param indexed   how many of its cases are in the look-alike index (enough to find it, not all)
 * @param version   of its latest record on issues.v1 (0 before the first, and in a record kept by a version
 *                  that did not publish issues), and {@code risk} the risk that record said
 * @param recent    its latest reports, oldest first (by time received, then case id)
 */
public record Cluster(String clusterId, Category category, int reports, int reporters, int indexed, long version, Risk risk,
                      List<Member> recent) {

    /** How many reports the record keeps. */
    static final int RECENT = 100;

    /**
     * One report: which case, who sent it (hashed), when, where, and what the risk score reads of its case.
     */
    public record Member(String caseId, String reporter, Instant at, String area, Category category, CaseMemo.Signals signals) {
    }

    /** Oldest first, whatever order the reports arrived in, so a replay keeps the same ones. */
    static final Comparator<Member> OLDEST_FIRST = Comparator.comparingLong((Member m) -> m.at().toEpochMilli()).thenComparing(Member::caseId);

    public Cluster {
        recent = List.copyOf(recent);
    }

    /** The issue of {@code first}, made one by {@code report}, which is then added {@link #with}. */
    static Cluster startedBy(CaseMemo first, CaseMemo report) {
        return new Cluster("issue-" + report.caseId(), first.category(), 1, 1, 0, 0, null, List.of(member(first)));
    }

    /** With one more report; {@code newReporter} when its reporter never reported this issue before. */
    Cluster with(CaseMemo report, boolean newReporter) {
        if (recent.stream().anyMatch(m -> m.caseId().equals(report.caseId()))) {
            return this;
        }
        List<Member> more = new ArrayList<>(recent);
        Member added = member(report);
        int at = Collections.binarySearch(more, added, OLDEST_FIRST);
        more.add(at < 0 ? -at - 1 : at, added);
        List<Member> kept = more.size() > RECENT ? more.subList(more.size() - RECENT, more.size()) : more;
        return new Cluster(clusterId, category, reports + 1, reporters + (newReporter ? 1 : 0), indexed, version, risk, kept);
    }

    Cluster without(String caseId) {
        return new Cluster(clusterId, category, Math.max(0, reports - 1), reporters, indexed, version, risk,
                recent.stream().filter(m -> !m.caseId().equals(caseId)).toList());
    }

    /** Where a member's case stands now, if it is among the latest reports. */
    Cluster updated(CaseMemo memo) {
        if (recent.stream().noneMatch(m -> m.caseId().equals(memo.caseId()))) {
            return this;
        }
        return new Cluster(clusterId, category, reports, reporters, indexed, version, risk,
                recent.stream().map(m -> m.caseId().equals(memo.caseId()) ? member(memo) : m).toList());
    }

    Cluster indexedOneMore(int by) {
        return new Cluster(clusterId, category, reports, reporters, Math.max(0, indexed + by), version, risk, recent);
    }

    /** As its next record on issues.v1 says it: one version more, with this risk. */
    Cluster published(Risk now) {
        return new Cluster(clusterId, category, reports, reporters, indexed, version + 1, now, recent);
    }

    /** The same counts with these latest reports (as {@link Issues} reads them back). */
    Cluster withRecent(List<Member> latest) {
        return new Cluster(clusterId, category, reports, reporters, indexed, version, risk, latest);
    }

    boolean isEmpty() {
        return reports == 0 || recent.isEmpty();
    }

    /** The latest reports' cases, oldest first (a bounded sample of a large issue). */
    List<String> caseIds() {
        return recent.stream().map(Member::caseId).toList();
    }

    /** More reports than the record keeps. */
    boolean overflowed() {
        return reports > recent.size();
    }

    /** The latest reports of the last {@code window} before {@code now}. */
    List<Member> within(Duration window, Instant now) {
        return recent.stream().filter(m -> !m.at().isBefore(now.minus(window))).toList();
    }

    /** The open cases among the latest reports, as the risk score reads them. */
    List<CaseMemo.Signals> openSignals() {
        return openMembers().stream().map(Member::signals).toList();
    }

    List<Member> openMembers() {
        return recent.stream().filter(m -> m.signals() != null && m.signals().open()).toList();
    }

    /** Who reported it within the window, how many reports in the last day, how often a reporter came back. */
    RiskScore.Reports counts(Duration window, Instant now) {
        List<Member> inWindow = within(window, now);
        long lastDay = inWindow.stream().filter(m -> !m.at().isBefore(now.minus(Duration.ofDays(1)))).count();
        if (!overflowed()) {
            return new RiskScore.Reports(reporters(inWindow).size(), lastDay, returns(inWindow));
        }
        return new RiskScore.Reports(reporters, lastDay, reports - reporters);
    }

    static Member member(CaseMemo memo) {
        return new Member(memo.caseId(), memo.reporter(), memo.receivedAt(), memo.area(), memo.category(), memo.signals());
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
