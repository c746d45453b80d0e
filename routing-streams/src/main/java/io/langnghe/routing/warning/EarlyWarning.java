package io.langnghe.routing.warning;

import io.langnghe.access.Roles;
import io.langnghe.contracts.Alert;
import io.langnghe.contracts.AlertAck;
import io.langnghe.contracts.CaseCommand;
import io.langnghe.contracts.Category;
import io.langnghe.contracts.DeadlineState;
import io.langnghe.contracts.IssueState;
import io.langnghe.contracts.Risk;
import io.langnghe.contracts.SpikeInForce;
import io.langnghe.contracts.taxonomy.AreaInfo;
import io.langnghe.contracts.taxonomy.Taxonomy;
import io.langnghe.routing.StoreKeys;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The early warning of one ward: every case that changes, and every alert acknowledged, arrives here
 * (one task holds the whole ward, so a report meets the reports of its neighbouring areas). It runs in
 * the task that keeps the ward's cases ({@link io.langnghe.routing.cases.WardTask}), which applies what it
 * tells a case at once: a new case's verdict is on its first version.
 * <ol>
 *   <li>A new case is counted in its area and category (hourly, for the spike baseline), and joined to
 *       the issue of the open case it repeats: the one its caseRef names (a lookup by tracking code), or
 *       the most alike among the open cases of its area and the neighbouring areas within the window
 *       (the look-alike index, see {@link Lookalike} and {@link Fingerprint}).</li>
 *   <li>The issue (or the case alone) is scored by {@link RiskScore}, from the issue's own record only
 *       (see {@link Cluster}). The issue itself is published on issues.v1 whenever its risk or its counts
 *       change: one record per change, wherever its current risk is read. A case is told (an assessment,
 *       which the ward's task applies at once) when it joins an issue, with the issue and its risk then,
 *       and when it leaves one; a case alone when its own risk changes; never when the issue's risk
 *       changes later, so a report costs its own case version and one issue record, however large the issue.</li>
 *   <li>An alert is raised when a threshold is crossed: the issue's risk level, an issue with enough
 *       distinct reporters, a spike (unless most of it is one issue, which has its own alert), an overdue
 *       case; at most once per subject and level, and after an acknowledgement only when the subject is
 *       worse again.</li>
 * </ol>
 * A case change that changes nothing the warning weighs (an assessment coming back) is not scored
 * again. Every lookup is by key or by a range of keys of one area, one issue or one day, so the cost
 * of a report does not grow with the cases kept. Times are the records' own, so a replay decides the
 * same way; an hourly (stream-time) sweep forgets what is old, by ranges of time.
 */
public final class EarlyWarning {

    public static final String CASES = "warning-cases";
    public static final String CLUSTERS = "warning-clusters";
    public static final String COUNTS = "warning-counts";
    public static final String ALERTS = "warning-alerts";
    /** Open cases of the window by area and time: {@link Lookalike}. */
    public static final String LOOKALIKES = "warning-lookalikes";
    /** Tracking code → case id, for a repeat call's caseRef. */
    public static final String TRACKING = "warning-tracking";
    /**
     * Each reporter's reports of an issue ("issue|r|reporter" → count). (Its full list of cases, "issue|c|case", was read
     * only to re-tell every member a change of level: no longer written; the lines an earlier version wrote go with the issue.)
     */
    public static final String MEMBERS = "warning-members";
    /** The reports of the last day by area, category and time → the issue (or case) each belongs to. */
    public static final String LAST_DAY = "warning-last-day";
    /**
     * The same reports counted by area, category, hour and issue: whether a spike is mostly one issue. A report alone
     * has no entry (the previous version wrote one, keyed by its case id: read as an issue of one, it ages out the same).
     */
    public static final String ISSUE_HOURS = "warning-issue-hours";
    /** The latest reports of each issue, one record each (see {@link Issues}). */
    public static final String RECENT = "warning-recent";
    /** Closed cases by the time of their last action, to forget them a month later. */
    public static final String CLOSED = "warning-closed";
    /**
     * What the hourly sweep may forget, by when it may ("issue|due|issue", "alert|due|subject"), so it reads
     * what is due, not every issue and subject. An entry is written when an issue or a subject is new, moved
     * by the sweep when it was seen again since, and put back as due at once ({@link #DUE_NOW}) when what kept
     * it (an open member, an open or overdue case, an issue) ends.
     */
    public static final String QUIET = "warning-quiet";
    /** Each area and category whose spike was last said in force on spikes.v1 ("area|category" → when it was said). */
    public static final String SPIKES = "warning-spikes";
    /** The actor of assessments. */
    public static final CaseCommand.Actor ACTOR = new CaseCommand.Actor("early-warning", Roles.SYSTEM, null);

    private static final Logger LOG = LoggerFactory.getLogger(EarlyWarning.class);
    private static final Duration DAY = Duration.ofDays(1);
    /** How precisely an alert's subject remembers when it was last seen at its level (to forget it after the window). */
    private static final Duration SEEN_PRECISION = Duration.ofHours(1);
    /** A closed case is kept this long, so a repeat report can still name it. */
    private static final Duration KEEP_CLOSED = Duration.ofDays(30);
    /** Due at the next sweep, whatever its time. */
    private static final Instant DUE_NOW = Instant.EPOCH;
    /**
     * Written once every issue and subject kept before {@link #QUIET} existed has its entry: the first sweep after
     * an upgrade reads them all once ('~' sorts after every entry's prefix, so no range meets it).
     */
    private static final String ALL_ENTERED = "~all-entered";
    /** Cases of one issue in the look-alike index: enough to find it in each way residents word it. */
    static final int INDEXED_PER_ISSUE = 20;
    /** Open cases a report is compared with, per area: the newest, should an area have more in its window. */
    static final int COMPARED_PER_AREA = 500;
    /** Cases an alert names; the alert says how many there are in all. */
    static final int ALERT_CASES = Cluster.RECENT;

    private final Taxonomy taxonomy;
    private final WarningSettings settings;
    private final WarningWords words;
    private final RiskScore riskScore;
    private final Duration window;
    private Consumer<Record<String, WarningOutput>> out;
    private KeyValueStore<String, CaseMemo> cases;
    private Issues clusters;
    private KeyValueStore<String, Long> counts;
    private KeyValueStore<String, AlertBook> alerts;
    /** The store and its entries decoded, built again at each init. */
    private Lookalikes lookalikes;
    private KeyValueStore<String, String> tracking;
    private KeyValueStore<String, String> members;
    private KeyValueStore<String, String> lastDay;
    private KeyValueStore<String, Long> issueHours;
    private KeyValueStore<String, String> closed;
    private KeyValueStore<String, String> quiet;
    private KeyValueStore<String, Long> spikesSaid;
    /** The spikes worked out for the record in hand: the counts do not change once it is counted. */
    private final Map<String, Spike> spikesOfThisRecord = new HashMap<>();
    /**
     * The reports of each area and category per day back from one hour, across records: a baseline's past days change
     * only when a late report is counted into them. Exact: built from {@link #COUNTS}, counted into by every write to it,
     * built again for another hour, emptied by the sweep and at init (after a restart, a rebalance, a revived task).
     */
    private final Map<String, DayCounts> dayCounts = new HashMap<>();
    /**
     * The reports of each area and category's last 24 hours per issue, across records, likewise exact: built from
     * {@link #ISSUE_HOURS}, counted into by every write to it, built again for another hour, emptied by the sweep and at
     * init. A spike's place used to read its day of issues per record, hundreds of entries once many issues are open.
     */
    private final Map<String, IssuesOfLastDay> lastDayIssues = new HashMap<>();
    /** The cases told something while handling the record in hand, as they now stand (not read back). */
    private final Map<String, CaseMemo> toldThisRecord = new HashMap<>();

    public EarlyWarning(Taxonomy taxonomy, WarningSettings settings, WarningWords words) {
        this.taxonomy = taxonomy;
        this.settings = settings;
        this.words = words;
        this.riskScore = new RiskScore(settings);
        this.window = Duration.ofDays(settings.clusters().windowDays());
    }

    /** Opens the task's stores and schedules the hourly sweep; what it says goes to {@code out}. */
    public void init(ProcessorContext<?, ?> context, Consumer<Record<String, WarningOutput>> out) {
        this.out = out;
        this.cases = context.getStateStore(CASES);
        this.clusters = new Issues(context.getStateStore(CLUSTERS), context.getStateStore(RECENT));
        this.counts = context.getStateStore(COUNTS);
        this.alerts = context.getStateStore(ALERTS);
        this.lookalikes = new Lookalikes(context.getStateStore(LOOKALIKES));
        this.tracking = context.getStateStore(TRACKING);
        this.members = context.getStateStore(MEMBERS);
        this.lastDay = context.getStateStore(LAST_DAY);
        this.issueHours = context.getStateStore(ISSUE_HOURS);
        this.closed = context.getStateStore(CLOSED);
        this.quiet = context.getStateStore(QUIET);
        this.spikesSaid = context.getStateStore(SPIKES);
        dayCounts.clear();
        lastDayIssues.clear();
        context.schedule(Duration.ofHours(1), PunctuationType.STREAM_TIME, this::forgetWhatIsOld);
    }

    public void process(Record<String, WarningInput> record) {
        Instant at = Instant.ofEpochMilli(record.timestamp());
        WarningInput input = record.value();
        spikesOfThisRecord.clear();
        toldThisRecord.clear();
        try {
            if (input.ack() != null) {
                acknowledged(input.ack());
            } else if (input.change() != null) {
                changed(input.change(), at);
            }
        } catch (RuntimeException e) {
            // The warning is advice on top of the case, which the case keeper has already kept: one case it
            // cannot read must not stop the routing of every other petition.
            LOG.error("early warning skipped {}: {}", input.change() != null ? "case " + input.change().caseId()
                    : "acknowledgement of " + input.ack().alertId(), e.toString(), e);
        }
    }

    private void changed(WeighedCase change, Instant at) {
        CaseMemo known = cases.get(change.caseId());
        if (known == null) {
            opened(change, at);
            return;
        }
        CaseMemo memo = known.updated(change);
        boolean split = memo.clusterId() != null && change.split();
        if (!split && memo.sameSituation(known)) {
            // an assessment coming back, a note: nothing to weigh again
            return;
        }
        if (known.isOpen() && !memo.isOpen() || known.deadlineState() == DeadlineState.OVERDUE
                && memo.deadlineState() != DeadlineState.OVERDUE) {
            // its alerts no longer stand: the next sweep sees whether they are quiet
            dueNowIfSaid("case:" + memo.caseId());
            dueNowIfSaid("overdue:" + memo.caseId());
        }
        if (known.isOpen() && !memo.isOpen()) {
            leftOpen(memo, at);
        } else if (!known.isOpen() && memo.isOpen()) {
            closed.delete(closedKey(known));
        }
        if (split) {
            memo = leaveIssue(memo, at);
        }
        cases.put(memo.caseId(), memo.kept());
        Cluster cluster = memo.clusterId() == null ? null : clusters.get(memo.clusterId());
        if (cluster != null) {
            cluster = cluster.updated(memo);
            clusters.put(cluster);
        }
        // a member's change may change the issue's risk, never its counts
        Risk risk = assess(cluster, memo, List.of(), false, at);
        raiseAlerts(cluster, toldThisRecord.getOrDefault(memo.caseId(), memo), risk, null, at);
    }

    private void opened(WeighedCase change, Instant at) {
        CaseMemo memo = CaseMemo.of(change, words);
        if (memo.trackingCode() != null) {
            tracking.put(memo.trackingCode(), memo.caseId());
        }
        count(memo);
        Spike spike = memo.area() == null || memo.category() == null ? null : spikeOf(memo.area(), memo.category(), at);
        Optional<CaseMemo> twin = twinOf(memo, change.caseRef(), at);
        Cluster cluster = null;
        List<CaseMemo> joinedNow = new ArrayList<>();
        if (twin.isPresent()) {
            CaseMemo first = twin.get();
            Cluster joined = first.clusterId() == null ? null : clusters.get(first.clusterId());
            if (joined == null) {
                joined = Cluster.startedBy(first, memo);
                Instant latest = first.receivedAt().isAfter(memo.receivedAt()) ? first.receivedAt() : memo.receivedAt();
                quiet.put(issueDueKey(latest.plus(window), joined.clusterId()), joined.clusterId());
                addMember(joined, first);
                if (first.area() != null && lookalikes.contains(lookalikeKey(first))) {
                    joined = joined.indexedOneMore(1);
                }
                joinedNow.add(first);
            }
            cluster = joined.with(memo, addMember(joined, memo));
        }
        if (memo.isOpen() && memo.area() != null && (cluster == null || cluster.indexed() < INDEXED_PER_ISSUE)) {
            lookalikes.put(lookalikeKey(memo), new Lookalike(memo.caseId(), memo.category(), memo.fingerprint()));
            cluster = cluster == null ? null : cluster.indexedOneMore(1);
        }
        if (!memo.isOpen()) {
            closed.put(closedKey(memo), memo.caseId());
        }
        if (memo.area() != null && memo.category() != null) {
            // where the report is counted now: its issue's, as it is about to be told
            placeReport(memo, cluster != null && memo.isOpen() ? cluster.clusterId() : memo.caseId());
        }
        if (cluster == null || !memo.isOpen()) {
            // (an open report of an issue is written once, when it is told its issue)
            cases.put(memo.caseId(), memo.kept());
        }
        if (cluster != null) {
            clusters.put(cluster);
        }
        joinedNow.add(memo);
        Risk risk = assess(cluster, memo, joinedNow, true, at);
        raiseAlerts(cluster, toldThisRecord.getOrDefault(memo.caseId(), memo), risk, spike, at);
        if (memo.area() != null && memo.category() != null) {
            sayWhetherSpiking(memo.area(), memo.category(), at);
        }
    }

    /**
     * Says on spikes.v1 whether a lone case of this area and category now opens in a spike (its start, its end, and
     * every half hour while it lasts), for the case keeper's next openings: a record per change of the spike, and
     * a case opened in it needs no assess command of its own. Seen at each new case of the place, as the case is.
     */
    private void sayWhetherSpiking(String area, Category category, Instant at) {
        Optional<Spike> spike = spikesOf(Stream.of(Map.entry(area, category)), at).stream().findFirst();
        String key = SpikeInForce.key(area, category);
        Long saidAt = spikesSaid.get(key);
        if (spike.isPresent() && (saidAt == null || !at.isBefore(Instant.ofEpochMilli(saidAt).plus(SpikesInForce.SAID_AGAIN_AFTER)))) {
            spikesSaid.put(key, at.toEpochMilli());
            out.accept(new Record<>(key, WarningOutput.spike(SpikesInForce.said(spike.get(), at)), at.toEpochMilli()));
        } else if (spike.isEmpty() && saidAt != null) {
            spikesSaid.delete(key);
            out.accept(new Record<>(key, WarningOutput.spike(null), at.toEpochMilli()));
        }
    }

    /** Counts a case's reporter in the issue; whether the reporter is new to it. */
    private boolean addMember(Cluster cluster, CaseMemo memo) {
        String key = cluster.clusterId() + "|r|" + memo.reporter();
        String before = members.get(key);
        members.put(key, Long.toString(before == null ? 1 : Long.parseLong(before) + 1));
        return before == null;
    }

    /** A case closed: it leaves the look-alike index, and is forgotten a month after its last action. */
    private void leftOpen(CaseMemo memo, Instant at) {
        if (memo.clusterId() != null) {
            // perhaps its issue's last open member: the next sweep sees whether the issue is quiet
            quiet.put(issueDueKey(DUE_NOW, memo.clusterId()), memo.clusterId());
        }
        if (memo.area() != null && lookalikes.delete(lookalikeKey(memo)) != null) {
            Cluster cluster = memo.clusterId() == null ? null : clusters.get(memo.clusterId());
            if (cluster != null) {
                clusters.put(cluster.indexedOneMore(-1));
            }
        }
        closed.put(closedKey(memo), memo.caseId());
    }

    private CaseMemo leaveIssue(CaseMemo memo, Instant at) {
        Cluster cluster = clusters.get(memo.clusterId());
        if (cluster != null) {
            Cluster rest = cluster.without(memo.caseId());
            if (lookalikes.contains(lookalikeKey(memo))) {
                // a split case is another problem: it stays findable, but not as this issue
                rest = rest.indexedOneMore(-1);
            }
            if (rest.isEmpty()) {
                forgetIssue(cluster.clusterId(), at);
            } else {
                clusters.put(rest);
                // without it, the issue may be quiet sooner (its latest report, or its last open one, gone)
                quiet.put(issueDueKey(DUE_NOW, rest.clusterId()), rest.clusterId());
                // the issue is scored again without it
                CaseMemo other = cases.get(rest.recent().get(rest.recent().size() - 1).caseId());
                if (other != null) {
                    assess(rest, other, List.of(), true, at);
                }
            }
        }
        return memo.assessed(null, memo.risk());
    }

    /**
     * Scores the issue (or the case alone) and tells the cases that need to know: a case alone when its risk
     * changed; the cases that just joined an issue. The issue's members are not told its later changes: the
     * issue's own record on issues.v1 says them, once per change.
     *
     * @param joined        the cases that just joined the issue (the report, and the case it repeats when that starts the issue)
     * @param countsChanged a report joined or left the issue: its record changes even when its risk does not
     */
    private Risk assess(Cluster cluster, CaseMemo memo, List<CaseMemo> joined, boolean countsChanged, Instant at) {
        if (cluster == null) {
            Risk risk = riskScore.alone(memo.signals(), memo.receivedAt(),
                    memo.isOpen() ? spikesOf(Stream.of(Map.entry(memo.area() == null ? "" : memo.area(), memo.category())), at)
                            : List.of(), at);
            // A lone case with nothing to say is not worth a new version of the case; nor is the risk it opened with.
            boolean nothingToSay = risk.score() == 0 && memo.risk() == null;
            if (memo.isOpen() && !nothingToSay && (memo.clusterId() != null || !RiskScore.sameVerdict(risk, memo.risk()))) {
                tell(memo, null, risk, at);
            }
            return risk;
        }
        Risk risk = riskScore.assess(new RiskScore.Situation(cluster.openSignals(), cluster.counts(window, at),
                spikesOf(cluster.openMembers().stream().map(m -> Map.entry(m.area() == null ? "" : m.area(), m.category())), at), at));
        for (CaseMemo c : joined) {
            if (c.isOpen()) {
                tell(c, cluster.clusterId(), risk, at);
            }
        }
        if (countsChanged || !risk.sameAs(cluster.risk())) {
            publish(cluster.published(risk), memo, at);
        }
        return risk;
    }

    /** The issue's next record on issues.v1, where its latest report is (the one in hand, as a rule). */
    private void publish(Cluster issue, CaseMemo inHand, Instant at) {
        clusters.put(issue);
        String latestId = issue.recent().isEmpty() ? inHand.caseId() : issue.recent().get(issue.recent().size() - 1).caseId();
        CaseMemo latest = latestId.equals(inHand.caseId()) ? inHand
                : Optional.ofNullable(toldThisRecord.get(latestId)).or(() -> Optional.ofNullable(cases.get(latestId))).orElse(inHand);
        IssueState state = new IssueState(IssueState.SCHEMA_VERSION, issue.clusterId(), issue.version(), issue.risk(), issue.reports(),
                issue.reporters(), taxonomy.wardOf(latest.area()), latest.department(), latest.area(), latest.category(), at);
        out.accept(new Record<>(issue.clusterId(), WarningOutput.of(state), at.toEpochMilli()));
    }

    /** An assessment of one case (for the case keeper beside it); the memo takes what it will carry. */
    private void tell(CaseMemo c, String clusterId, Risk risk, Instant at) {
        CaseMemo assessed = c.assessed(clusterId, risk);
        cases.put(c.caseId(), assessed.kept());
        toldThisRecord.put(c.caseId(), assessed);
        if (!Objects.equals(c.clusterId(), clusterId) && c.area() != null && c.category() != null
                && lastDay.get(lastDayKey(c)) != null) {
            placeReport(c, clusterId == null ? c.caseId() : clusterId);
        }
        CaseCommand command = CaseCommand.assess("assess:" + c.caseId() + ":" + at.toEpochMilli() + ":" + risk.score(), c.caseId(),
                ACTOR, at, new CaseCommand.Assessment(clusterId, risk));
        out.accept(new Record<>(c.caseId(), WarningOutput.of(command), at.toEpochMilli()));
    }

    /** The spikes of these areas and categories (a case filed by position only, with no area, has no baseline). */
    private List<Spike> spikesOf(Stream<Map.Entry<String, Category>> places, Instant at) {
        return places.filter(e -> !e.getKey().isEmpty() && e.getValue() != null).distinct()
                .map(e -> spikeOf(e.getKey(), e.getValue(), at))
                .filter(spike -> spike.isSpike() && !isMostlyOneIssue(spike, at)).toList();
    }

    private void raiseAlerts(Cluster cluster, CaseMemo memo, Risk risk, Spike spike, Instant at) {
        String subject = cluster == null ? "case:" + memo.caseId() : "issue:" + cluster.clusterId();
        List<String> caseIds = cluster == null ? List.of(memo.caseId()) : cluster.caseIds();
        int caseCount = cluster == null ? 1 : cluster.reports();
        RiskLevel level = riskScore.levelOf(risk);
        if (cluster != null) {
            int reporters = cluster.counts(window, at).reporters();
            int enough = settings.alerts().clusterReporters();
            RiskLevel byReporters = reporters >= 2 * enough ? RiskLevel.CRITICAL : reporters >= enough ? RiskLevel.WARNING : RiskLevel.NONE;
            level = byReporters.isAbove(level) ? byReporters : level;
        }
        Named named = new Named(caseIds, caseCount);
        raise(subject, level, risk.score(), risk::reasons, () -> named, memo.department(), memo.area(), memo.category(), at);
        if (memo.isOpen() && memo.deadlineState() == DeadlineState.OVERDUE) {
            raise("overdue:" + memo.caseId(), RiskLevel.WARNING, risk.score(),
                    () -> List.of(new Alert.Reason("overdue", "quá hạn / overdue: " + memo.trackingCode(), settings.weights().overdue())),
                    () -> new Named(List.of(memo.caseId()), 1), memo.department(), memo.area(), memo.category(), at);
        }
        if (spike != null && spike.isSpike() && !isMostlyOneIssue(spike, at)) {
            raise("spike:" + spike.area() + ":" + spike.category().code(), spike.level(), Math.max(risk.score(), settings.levels().warning()),
                    () -> List.of(new Alert.Reason(RiskScore.SPIKE, spike.describe(), settings.weights().spike())),
                    () -> {
                        List<String> lastDayCases = new ArrayList<>(reportsOfLastDay(spike.area(), spike.category(), at).keySet());
                        return new Named(lastDayCases.subList(Math.max(0, lastDayCases.size() - ALERT_CASES), lastDayCases.size()),
                                lastDayCases.size());
                    },
                    taxonomy.defaultDepartmentFor(spike.category()), spike.area(), spike.category(), at);
        }
    }

    /** The cases an alert names (a bounded sample) and how many there are in all. */
    private record Named(List<String> caseIds, int caseCount) {
    }

    /**
     * @param reasons read only when the alert is news: a spike's is a formatted text, and most reports of a spike are not news
     * @param named   read only when the alert is news: a spike's cases are a range of the last day
     */
    private void raise(String subject, RiskLevel level, int score, Supplier<List<Alert.Reason>> reasons, Supplier<Named> named,
                       String department, String area, Category category, Instant at) {
        if (level.compareTo(settings.alerts().alertFrom()) < 0) {
            return;
        }
        AlertBook before = alerts.get(subject);
        AlertBook book = Optional.ofNullable(before).orElse(AlertBook.none(subject)).seen(at);
        boolean news = book.isNews(level, score, settings.alerts().worsenedBy());
        if (!news && before != null && before.lastSeenAt() != null && at.isBefore(before.lastSeenAt().plus(SEEN_PRECISION))) {
            // still at the level, seen within the hour: forgetting it a window later is as exact without a new write
            return;
        }
        if (news) {
            String alertId = subject + "~" + level.code() + "-" + (book.raised() + 1);
            Named cases = named.get();
            Alert alert = new Alert(Alert.SCHEMA_VERSION, alertId, subject, level.code(), score, reasons.get(), cases.caseIds(), department, area,
                    category, at, cases.caseCount());
            out.accept(new Record<>(alertId, WarningOutput.of(alert), at.toEpochMilli()));
            LOG.info("alert raised: {} {} score {} ({} cases, {})", subject, level.code(), score, cases.caseCount(), department);
            book = book.raisedAt(level, score, at);
        }
        if (before == null) {
            quiet.put(alertDueKey(at.plus(window), subject), subject);
        }
        alerts.put(subject, book);
    }

    private void acknowledged(AlertAck ack) {
        AlertBook book = ack.subject() == null ? null : alerts.get(ack.subject());
        if (book == null) {
            LOG.info("acknowledgement of an alert this early warning does not know (already forgotten?): {}", ack.alertId());
            return;
        }
        alerts.put(book.subject(), book.acknowledged());
    }

    /**
     * The case this report repeats: the one its caseRef names (open or closed), else the most alike of the
     * open cases of its area and the neighbouring areas within the window, if alike enough.
     */
    private Optional<CaseMemo> twinOf(CaseMemo report, String caseRef, Instant at) {
        if (caseRef != null) {
            String named = tracking.get(caseRef);
            CaseMemo other = named == null || named.equals(report.caseId()) ? null : cases.get(named);
            if (other != null) {
                return Optional.of(other);
            }
        }
        // Without an area only a named case can be its twin: "near" means nothing without a place.
        if (report.area() == null) {
            return Optional.empty();
        }
        Set<String> areas = new LinkedHashSet<>();
        areas.add(report.area());
        areas.addAll(taxonomy.neighboursOf(report.area()));
        Lookalike best = null;
        double bestSimilarity = 0;
        double leastNeeded = Math.min(settings.clusters().similarity(), settings.clusters().similarityAnyCategory());
        for (String area : areas) {
            for (Lookalike other : lookalikes.mayBeAlike(area, at.minus(window), COMPARED_PER_AREA, report.fingerprint(), leastNeeded)) {
                if (other.caseId().equals(report.caseId())) {
                    continue;
                }
                double similarity = report.fingerprint().similarity(other.fingerprint());
                boolean sameCategory = report.category() != null && report.category() == other.category();
                double needed = sameCategory ? settings.clusters().similarity() : settings.clusters().similarityAnyCategory();
                // ties go to the smaller case id, whatever the order the areas are read in
                boolean better = similarity > bestSimilarity
                        || (similarity == bestSimilarity && best != null && other.caseId().compareTo(best.caseId()) < 0);
                if (similarity >= needed && better) {
                    best = other;
                    bestSimilarity = similarity;
                }
            }
        }
        return best == null ? Optional.empty() : Optional.ofNullable(cases.get(best.caseId()));
    }

    private void count(CaseMemo memo) {
        if (memo.area() == null || memo.category() == null) {
            return;
        }
        long hour = hourOf(memo.receivedAt());
        String key = countKey(memo.area(), memo.category(), hour);
        Long n = counts.get(key);
        counts.put(key, n == null ? 1 : n + 1);
        DayCounts days = dayCounts.get(placeOf(memo.area(), memo.category()));
        if (days != null) {
            days.count(hour);
        }
    }

    /** The last 24 hours of an area and category against the same hours of each of the baseline's days. */
    private Spike spikeOf(String area, Category category, Instant at) {
        return spikesOfThisRecord.computeIfAbsent(placeOf(area, category), place -> baselineOf(area, category, at));
    }

    private Spike baselineOf(String area, Category category, Instant at) {
        int days = settings.spikes().baselineDays();
        long now = hourOf(at);
        DayCounts counted = dayCounts.get(placeOf(area, category));
        if (counted == null || counted.hour() != now) {
            counted = dayCountsOf(area, category, now);
            dayCounts.put(placeOf(area, category), counted);
        }
        long[] perDay = counted.perDay();
        double mean = 0;
        for (int d = 1; d <= days; d++) {
            mean += perDay[d];
        }
        mean /= days;
        double variance = 0;
        for (int d = 1; d <= days; d++) {
            variance += (perDay[d] - mean) * (perDay[d] - mean);
        }
        double spread = Math.sqrt(variance / days);
        long threshold = Math.max(settings.spikes().minCount(), (long) Math.ceil(mean + settings.spikes().sigmas() * Math.max(1, spread)));
        return new Spike(area, category, perDay[0], mean, spread, threshold);
    }

    /** An area and category's hourly counts summed per day back from an hour: the last 24 hours, then each of the baseline's days. */
    private DayCounts dayCountsOf(String area, Category category, long now) {
        long[] perDay = new long[settings.spikes().baselineDays() + 1];
        try (KeyValueIterator<String, Long> hours = counts.range(countKey(area, category, now - 24L * perDay.length + 1),
                countKey(area, category, now))) {
            while (hours.hasNext()) {
                KeyValue<String, Long> entry = hours.next();
                long hour = Long.parseLong(entry.key.substring(entry.key.lastIndexOf('|') + 1));
                perDay[(int) ((now - hour) / 24)] += entry.value;
            }
        }
        return new DayCounts(now, perDay);
    }

    /** Reports per day back from an hour (index 0: the 24 hours up to it); the array is counted into as reports come. */
    private record DayCounts(long hour, long[] perDay) {

        /** A report counted in the store at {@code reportHour}: into its day, if that day is one of these. */
        void count(long reportHour) {
            long back = hour - reportHour;
            if (back >= 0 && back < 24L * perDay.length) {
                perDay[(int) (back / 24)]++;
            }
        }
    }

    /**
     * More than half of the spike's reports (its last 24 hours, its count) are one issue: that issue's own score
     * and alert say it better. Read from the counts per hour and issue, where a report alone has no entry: one
     * report is never more than half of a spike (at least min-count ≥ 2), so a spike of N lone reports reads none
     * of them. Read once per place and hour ({@link #lastDayIssues}).
     */
    private boolean isMostlyOneIssue(Spike spike, Instant at) {
        long now = hourOf(at);
        String place = placeOf(spike.area(), spike.category());
        IssuesOfLastDay issues = lastDayIssues.get(place);
        if (issues == null || issues.hour() != now) {
            issues = new IssuesOfLastDay(now);
            try (KeyValueIterator<String, Long> hours = issueHours.range(countKey(spike.area(), spike.category(), now - 23),
                    countKey(spike.area(), spike.category(), now) + "}")) {
                while (hours.hasNext()) {
                    KeyValue<String, Long> entry = hours.next();
                    issues.perIssue.merge(entry.key.substring(entry.key.lastIndexOf('|') + 1), entry.value, Long::sum);
                }
            }
            lastDayIssues.put(place, issues);
        }
        return issues.largest() * 2 > spike.count();
    }

    /** An area and category's reports of the 24 hours up to an hour, per issue (a report alone has none). */
    private static final class IssuesOfLastDay {

        private final long hour;
        private final Map<String, Long> perIssue = new HashMap<>();
        /** The largest issue's reports, or -1 until counted (when read from the store, or once that issue lost a report). */
        private long largest = -1;

        IssuesOfLastDay(long hour) {
            this.hour = hour;
        }

        long hour() {
            return hour;
        }

        /** A report of {@code reportHour} counted (1) or no longer counted (-1) under an issue in the store. */
        void count(long reportHour, String issue, long n) {
            if (hour - reportHour < 0 || hour - reportHour >= 24) {
                return;
            }
            Long was = perIssue.get(issue);
            long now = (was == null ? 0 : was) + n;
            if (now <= 0) {
                perIssue.remove(issue);
            } else {
                perIssue.put(issue, now);
            }
            if (n < 0 && was != null && was == largest) {
                largest = -1;
            } else if (largest >= 0) {
                largest = Math.max(largest, now);
            }
        }

        long largest() {
            if (largest < 0) {
                largest = perIssue.values().stream().mapToLong(Long::longValue).max().orElse(0);
            }
            return largest;
        }
    }

    /** Counts a report of the last days under the issue it now belongs to, or none: a report alone (its own id) has no entry. */
    private void placeReport(CaseMemo memo, String belongsTo) {
        String key = lastDayKey(memo);
        String was = lastDay.get(key);
        if (belongsTo.equals(was)) {
            return;
        }
        lastDay.put(key, belongsTo);
        long reportHour = hourOf(memo.receivedAt());
        String hour = countKey(memo.area(), memo.category(), reportHour) + "|";
        IssuesOfLastDay issues = lastDayIssues.get(placeOf(memo.area(), memo.category()));
        if (was != null) {
            // (a report alone has an entry only if the previous version wrote it)
            Long n = issueHours.get(hour + was);
            if (n != null && n <= 1) {
                issueHours.delete(hour + was);
            } else if (n != null) {
                issueHours.put(hour + was, n - 1);
            }
            if (n != null && issues != null) {
                issues.count(reportHour, was, -1);
            }
        }
        if (!belongsTo.equals(memo.caseId())) {
            Long n = issueHours.get(hour + belongsTo);
            issueHours.put(hour + belongsTo, n == null ? 1 : n + 1);
            if (issues != null) {
                issues.count(reportHour, belongsTo, 1);
            }
        }
    }

    /** The reports of the last 24 hours of an area and category, oldest first: case id → its issue (or itself). */
    private Map<String, String> reportsOfLastDay(String area, Category category, Instant at) {
        Map<String, String> found = new LinkedHashMap<>();
        String prefix = area + "|" + category.code() + "|";
        try (KeyValueIterator<String, String> day = lastDay.range(prefix + padded(at.minus(DAY)), prefix + "}")) {
            day.forEachRemaining(e -> found.put(e.key.substring(e.key.lastIndexOf('|') + 1), e.value));
        }
        return found;
    }

    /**
     * Forgets closed cases a month after their last action, open cases from the look-alike index after the
     * window, quiet issues, counts beyond the baseline, the last day's reports after two days, and what was
     * said of a subject once it has been quiet for the window and no longer stands. Each by a range of
     * time, or of what is still hot: never by reading every case kept.
     */
    private void forgetWhatIsOld(long streamTime) {
        Instant now = Instant.ofEpochMilli(streamTime);
        dayCounts.clear();
        lastDayIssues.clear();
        List<KeyValue<String, String>> oldCases = new ArrayList<>();
        try (KeyValueIterator<String, String> old = closed.range(padded(Instant.EPOCH), padded(now.minus(KEEP_CLOSED)))) {
            old.forEachRemaining(oldCases::add);
        }
        for (KeyValue<String, String> e : oldCases) {
            closed.delete(e.key);
            CaseMemo c = cases.get(e.value);
            if (c != null && !c.isOpen() && c.lastActionAt() != null && c.lastActionAt().isBefore(now.minus(KEEP_CLOSED))) {
                cases.delete(c.caseId());
                if (c.trackingCode() != null) {
                    tracking.delete(c.trackingCode());
                }
            }
        }
        for (AreaInfo area : taxonomy.areas()) {
            for (Lookalike aged : lookalikes.deleteReceivedBefore(area.code(), now.minus(window))) {
                CaseMemo c = cases.get(aged.caseId());
                Cluster cluster = c == null || c.clusterId() == null ? null : clusters.get(c.clusterId());
                if (cluster != null) {
                    clusters.put(cluster.indexedOneMore(-1));
                }
            }
            for (Category category : Category.values()) {
                deleteRange(counts, countKey(area.code(), category, 0), countKey(area.code(), category,
                        hourOf(now) - 24L * (settings.spikes().baselineDays() + 2)));
                String prefix = area.code() + "|" + category.code() + "|";
                deleteRange(lastDay, prefix + padded(Instant.EPOCH), prefix + padded(now.minus(DAY.multipliedBy(2))));
                deleteRange(issueHours, countKey(area.code(), category, 0), countKey(area.code(), category, hourOf(now) - 48));
            }
        }
        enterAllOnce();
        for (KeyValue<String, String> e : due("issue|", now)) {
            quiet.delete(e.key);
            Cluster issue = clusters.get(e.value);
            if (issue == null) {
                continue;
            }
            List<Cluster.Member> lately = issue.within(window, now);
            if (lately.isEmpty() && issue.openSignals().isEmpty()) {
                forgetIssue(issue.clusterId(), now);
            } else if (!lately.isEmpty()) {
                quiet.put(issueDueKey(lately.get(lately.size() - 1).at().plus(window), issue.clusterId()), issue.clusterId());
            }
            // (quiet, but a member still open: due again when one closes)
        }
        for (KeyValue<String, String> e : due("alert|", now)) {
            quiet.delete(e.key);
            AlertBook book = alerts.get(e.value);
            if (book == null) {
                continue;
            }
            if (book.lastSeenAt() != null && !book.lastSeenAt().isBefore(now.minus(window))) {
                quiet.put(alertDueKey(book.lastSeenAt().plus(window), e.value), e.value);
            } else if (!stillStands(e.value)) {
                alerts.delete(e.value);
            }
            // (quiet, but still standing: due again when its case closes or its issue is forgotten)
        }
    }

    /** The issue and its members leave the stores, and issues.v1 (a tombstone: compaction then forgets it too). */
    private void forgetIssue(String clusterId, Instant at) {
        dueNowIfSaid("issue:" + clusterId);
        clusters.forget(clusterId);
        deleteRange(members, clusterId + "|", clusterId + "|}");
        out.accept(new Record<>(clusterId, WarningOutput.issueForgotten(), at.toEpochMilli()));
    }

    /** The entries of {@link #QUIET} of one kind due before now. */
    private List<KeyValue<String, String>> due(String kind, Instant now) {
        List<KeyValue<String, String>> due = new ArrayList<>();
        try (KeyValueIterator<String, String> range = quiet.range(kind + padded(DUE_NOW), kind + padded(now))) {
            range.forEachRemaining(due::add);
        }
        return due;
    }

    /** A subject something was said of, which may be forgotten once it no longer stands: looked at next sweep. */
    private void dueNowIfSaid(String subject) {
        if (alerts.get(subject) != null) {
            quiet.put(alertDueKey(DUE_NOW, subject), subject);
        }
    }

    /**
     * The issues and subjects an earlier version kept have no entry in {@link #QUIET}: the first sweep enters them
     * all (the only sweep that reads every one), as due when their latest report or sighting leaves the window.
     */
    private void enterAllOnce() {
        if (quiet.get(ALL_ENTERED) != null) {
            return;
        }
        clusters.forEach(issue -> quiet.put(issueDueKey(issue.recent().isEmpty() ? DUE_NOW
                : issue.recent().get(issue.recent().size() - 1).at().plus(window), issue.clusterId()), issue.clusterId()));
        List<KeyValue<String, AlertBook>> books = new ArrayList<>();
        try (KeyValueIterator<String, AlertBook> all = alerts.all()) {
            all.forEachRemaining(books::add);
        }
        books.forEach(e -> quiet.put(alertDueKey(e.value.lastSeenAt() == null ? DUE_NOW : e.value.lastSeenAt().plus(window), e.key), e.key));
        quiet.put(ALL_ENTERED, "1");
    }

    private static <V> void deleteRange(KeyValueStore<String, V> store, String from, String to) {
        List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, V> range = store.range(from, to)) {
            range.forEachRemaining(e -> keys.add(e.key));
        }
        keys.forEach(store::delete);
    }

    /** An open case still overdue, an open case, an issue not yet forgotten: its alerts must not come again. */
    private boolean stillStands(String subject) {
        String id = subject.substring(subject.indexOf(':') + 1);
        if (subject.startsWith("overdue:")) {
            CaseMemo c = cases.get(id);
            return c != null && c.isOpen() && c.deadlineState() == DeadlineState.OVERDUE;
        }
        if (subject.startsWith("case:")) {
            CaseMemo c = cases.get(id);
            return c != null && c.isOpen();
        }
        return subject.startsWith("issue:") && clusters.get(id) != null;
    }

    private static String lookalikeKey(CaseMemo memo) {
        return Lookalike.key(memo.area(), memo.receivedAt(), memo.caseId());
    }

    private static String lastDayKey(CaseMemo memo) {
        return memo.area() + "|" + memo.category().code() + "|" + padded(memo.receivedAt()) + "|" + memo.caseId();
    }

    private static String issueDueKey(Instant due, String clusterId) {
        return "issue|" + padded(due) + "|" + clusterId;
    }

    private static String alertDueKey(Instant due, String subject) {
        return "alert|" + padded(due) + "|" + subject;
    }

    private static String closedKey(CaseMemo memo) {
        return padded(memo.lastActionAt() == null ? memo.receivedAt() : memo.lastActionAt()) + "|" + memo.caseId();
    }

    private static String padded(Instant at) {
        return StoreKeys.zeroPadded(Math.max(0, at.toEpochMilli()), 13);
    }

    private static long hourOf(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), 3600);
    }

    private static String placeOf(String area, Category category) {
        return area + "|" + category.code();
    }

    /** Zero-padded hours, so that a range of keys is a range of time. */
    private static String countKey(String area, Category category, long hour) {
        return area + "|" + category.code() + "|" + StoreKeys.zeroPadded(hour, 10);
    }
}
