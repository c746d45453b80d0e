package io.langnghe.routing.warning;

import io.langnghe.access.Roles;
import io.langnghe.contracts.Alert;
import io.langnghe.contracts.AlertAck;
import io.langnghe.contracts.CaseCommand;
import io.langnghe.contracts.CaseState;
import io.langnghe.contracts.Category;
import io.langnghe.contracts.DeadlineState;
import io.langnghe.contracts.HistoryEntry;
import io.langnghe.contracts.Risk;
import io.langnghe.contracts.taxonomy.Taxonomy;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The early warning of one ward: every case that changes, and every alert acknowledged, arrives here
 * (one task holds the whole ward, so a report meets the reports of its neighbouring areas).
 * <ol>
 *   <li>A new case is counted in its area and category (hourly, for the spike baseline), and joined to
 *       the issue of the open case it repeats: the one its caseRef names, or the most alike in its area
 *       and the neighbouring areas within the window (see {@link Fingerprint}).</li>
 *   <li>The issue (or the case alone) is scored by {@link RiskScore}; each open case of it whose issue or
 *       score changed gets an {@code assess} command, so officers see the issue and the risk on the case.</li>
 *   <li>An alert is raised when a threshold is crossed: the issue's risk level, an issue with enough
 *       distinct reporters, a spike (unless most of it is one issue, which has its own alert), an overdue
 *       case; at most once per subject and level, and after an acknowledgement only when the subject is
 *       worse again.</li>
 * </ol>
 * Times are the records' own, so a replay decides the same way; an hourly (stream-time) sweep forgets
 * what is old.
 */
public final class EarlyWarning implements Processor<String, WarningInput, String, WarningOutput> {

    public static final String CASES = "warning-cases";
    public static final String CLUSTERS = "warning-clusters";
    public static final String COUNTS = "warning-counts";
    public static final String ALERTS = "warning-alerts";
    /** The actor of assessments. */
    public static final CaseCommand.Actor ACTOR = new CaseCommand.Actor("early-warning", Roles.SYSTEM, null);

    private static final Logger LOG = LoggerFactory.getLogger(EarlyWarning.class);
    private static final Duration DAY = Duration.ofDays(1);
    /** A closed case is kept this long, so a repeat report can still name it. */
    private static final Duration KEEP_CLOSED = Duration.ofDays(30);

    private final Taxonomy taxonomy;
    private final WarningSettings settings;
    private final WarningWords words;
    private final RiskScore riskScore;
    private final Duration window;
    private ProcessorContext<String, WarningOutput> context;
    private KeyValueStore<String, CaseMemo> cases;
    private KeyValueStore<String, Cluster> clusters;
    private KeyValueStore<String, Long> counts;
    private KeyValueStore<String, AlertBook> alerts;

    public EarlyWarning(Taxonomy taxonomy, WarningSettings settings, WarningWords words) {
        this.taxonomy = taxonomy;
        this.settings = settings;
        this.words = words;
        this.riskScore = new RiskScore(settings);
        this.window = Duration.ofDays(settings.clusters().windowDays());
    }

    @Override
    public void init(ProcessorContext<String, WarningOutput> context) {
        this.context = context;
        this.cases = context.getStateStore(CASES);
        this.clusters = context.getStateStore(CLUSTERS);
        this.counts = context.getStateStore(COUNTS);
        this.alerts = context.getStateStore(ALERTS);
        context.schedule(Duration.ofHours(1), PunctuationType.STREAM_TIME, this::forgetWhatIsOld);
    }

    @Override
    public void process(Record<String, WarningInput> record) {
        Instant at = Instant.ofEpochMilli(record.timestamp());
        WarningInput input = record.value();
        try {
            if (input.ack() != null) {
                acknowledged(input.ack());
            } else if (input.state() != null) {
                changed(input.state(), at);
            }
        } catch (RuntimeException e) {
            // The warning is advice on top of the case, which the case keeper has already kept: one case it
            // cannot read must not stop the routing of every other petition.
            LOG.error("early warning skipped {}: {}", input.state() != null ? "case " + input.state().caseId()
                    : "acknowledgement of " + input.ack().alertId(), e.toString(), e);
        }
    }

    private void changed(CaseState state, Instant at) {
        CaseMemo known = cases.get(state.caseId());
        boolean isNew = known == null;
        CaseMemo memo = isNew ? CaseMemo.of(state, words) : known.updated(state);
        if (!isNew && memo.clusterId() != null && wasSplit(state)) {
            memo = leaveIssue(memo, at);
        }
        cases.put(memo.caseId(), memo);
        Cluster cluster = memo.clusterId() == null ? null : clusters.get(memo.clusterId());
        Spike spike = null;
        if (isNew) {
            count(memo);
            spike = memo.area() == null || memo.category() == null ? null : spikeOf(memo.area(), memo.category(), at);
            Optional<CaseMemo> twin = twinOf(memo, state.caseRef(), at);
            if (twin.isPresent()) {
                Cluster joined = twin.get().clusterId() == null ? null : clusters.get(twin.get().clusterId());
                cluster = (joined == null ? Cluster.startedBy(twin.get()) : joined).with(memo);
                clusters.put(cluster.clusterId(), cluster);
            }
        }
        Risk risk = assess(cluster, memo, at);
        raiseAlerts(cluster, cases.get(memo.caseId()), risk, spike, at);
    }

    /** An officer or a leader said the case is another problem: it leaves its issue for good. */
    private static boolean wasSplit(CaseState state) {
        List<HistoryEntry> history = state.history() == null ? List.of() : state.history();
        return state.clusterId() == null && !history.isEmpty()
                && CaseCommand.Type.SPLIT.code().equals(history.get(history.size() - 1).action());
    }

    private CaseMemo leaveIssue(CaseMemo memo, Instant at) {
        Cluster cluster = clusters.get(memo.clusterId());
        if (cluster != null) {
            Cluster rest = cluster.without(memo.caseId());
            if (rest.members().isEmpty()) {
                clusters.delete(cluster.clusterId());
            } else {
                clusters.put(rest.clusterId(), rest);
                // the others are scored again without it
                CaseMemo other = cases.get(rest.members().get(0).caseId());
                if (other != null) {
                    assess(rest, other, at);
                }
            }
        }
        return memo.assessed(null, memo.risk());
    }

    /** Scores the issue and tells each of its open cases, when something changed for it. */
    private Risk assess(Cluster cluster, CaseMemo memo, Instant at) {
        List<CaseMemo> members = cluster == null ? List.of(memo)
                : cluster.caseIds().stream().map(cases::get).filter(Objects::nonNull).toList();
        List<CaseMemo> open = members.stream().filter(CaseMemo::isOpen).toList();
        List<Cluster.Member> recent = cluster == null ? List.of(new Cluster.Member(memo.caseId(), memo.reporter(), memo.receivedAt()))
                : cluster.within(window, at);
        // A case filed by position only (Open311 with lat/long) has no area, and so no baseline.
        List<Spike> spikes = open.stream().filter(c -> c.area() != null && c.category() != null)
                .map(c -> Map.entry(c.area(), c.category())).distinct()
                .map(e -> spikeOf(e.getKey(), e.getValue(), at))
                .filter(spike -> spike.isSpike() && !isMostlyOneIssue(spike, at)).toList();
        Risk risk = riskScore.assess(new RiskScore.Situation(open, recent, spikes, at));
        String clusterId = cluster == null ? null : cluster.clusterId();
        for (CaseMemo c : open) {
            // A lone case with nothing to say is not worth a new version of the case.
            boolean nothingToSay = clusterId == null && risk.score() == 0 && c.risk() == null;
            if (!nothingToSay && (!Objects.equals(c.clusterId(), clusterId) || !risk.sameAs(c.risk()))) {
                cases.put(c.caseId(), c.assessed(clusterId, risk));
                CaseCommand command = new CaseCommand(CaseCommand.SCHEMA_VERSION,
                        "assess:" + c.caseId() + ":" + at.toEpochMilli() + ":" + risk.score(), c.caseId(), CaseCommand.Type.ASSESS,
                        ACTOR, null, null, null, at, null, new CaseCommand.Assessment(clusterId, risk), null);
                context.forward(new Record<>(c.caseId(), new WarningOutput(null, command), at.toEpochMilli()));
            }
        }
        return risk;
    }

    private void raiseAlerts(Cluster cluster, CaseMemo memo, Risk risk, Spike spike, Instant at) {
        String subject = cluster == null ? "case:" + memo.caseId() : "issue:" + cluster.clusterId();
        List<String> caseIds = cluster == null ? List.of(memo.caseId()) : cluster.caseIds();
        RiskLevel level = riskScore.levelOf(risk);
        if (cluster != null) {
            int reporters = Cluster.reporters(cluster.within(window, at)).size();
            int enough = settings.alerts().clusterReporters();
            RiskLevel byReporters = reporters >= 2 * enough ? RiskLevel.CRITICAL : reporters >= enough ? RiskLevel.WARNING : RiskLevel.NONE;
            level = byReporters.isAbove(level) ? byReporters : level;
        }
        raise(subject, level, risk.score(), risk.reasons(), caseIds, memo.department(), memo.area(), memo.category(), at);
        if (memo.isOpen() && memo.deadlineState() == DeadlineState.OVERDUE) {
            raise("overdue:" + memo.caseId(), RiskLevel.WARNING, risk.score(),
                    List.of(new Alert.Reason("overdue", "quá hạn / overdue: " + memo.trackingCode(), settings.weights().overdue())),
                    List.of(memo.caseId()), memo.department(), memo.area(), memo.category(), at);
        }
        if (spike != null && spike.isSpike() && !isMostlyOneIssue(spike, at)) {
            raise("spike:" + spike.area() + ":" + spike.category().code(), spike.level(), Math.max(risk.score(), settings.levels().warning()),
                    List.of(new Alert.Reason("spike", spike.describe(), settings.weights().spike())),
                    reportsOfLastDay(spike.area(), spike.category(), at).stream().map(CaseMemo::caseId).toList(),
                    taxonomy.defaultDepartmentFor(spike.category()), spike.area(), spike.category(), at);
        }
    }

    private void raise(String subject, RiskLevel level, int score, List<Alert.Reason> reasons, List<String> caseIds,
                       String department, String area, Category category, Instant at) {
        if (level.compareTo(settings.alerts().alertFrom()) < 0) {
            return;
        }
        AlertBook book = Optional.ofNullable(alerts.get(subject)).orElse(AlertBook.none(subject)).seen(at);
        if (book.isNews(level, score, settings.alerts().worsenedBy())) {
            String alertId = subject + "~" + level.code() + "-" + (book.raised() + 1);
            Alert alert = new Alert(Alert.SCHEMA_VERSION, alertId, subject, level.code(), score, reasons, caseIds, department, area,
                    category, at);
            context.forward(new Record<>(alertId, new WarningOutput(alert, null), at.toEpochMilli()));
            LOG.info("alert raised: {} {} score {} ({} cases, {})", subject, level.code(), score, caseIds.size(), department);
            book = book.raisedAt(level, score, at);
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

    /** The open case this report repeats: the one it names, else the most alike nearby, if alike enough. */
    private Optional<CaseMemo> twinOf(CaseMemo report, String caseRef, Instant at) {
        // Without an area only a named case can be its twin: "near" means nothing without a place.
        Set<String> areas = new HashSet<>();
        if (report.area() != null) {
            areas.addAll(taxonomy.neighboursOf(report.area()));
            areas.add(report.area());
        }
        CaseMemo best = null;
        double bestSimilarity = 0;
        try (KeyValueIterator<String, CaseMemo> all = cases.all()) {
            while (all.hasNext()) {
                CaseMemo other = all.next().value;
                if (other.caseId().equals(report.caseId())) {
                    continue;
                }
                if (caseRef != null && caseRef.equals(other.trackingCode())) {
                    return Optional.of(other);
                }
                if (!other.isOpen() || other.area() == null || !areas.contains(other.area())
                        || other.receivedAt().isBefore(at.minus(window))) {
                    continue;
                }
                double similarity = report.fingerprint().similarity(other.fingerprint());
                boolean sameCategory = report.category() != null && report.category() == other.category();
                double needed = sameCategory ? settings.clusters().similarity() : settings.clusters().similarityAnyCategory();
                if (similarity >= needed && similarity > bestSimilarity) {
                    best = other;
                    bestSimilarity = similarity;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    private void count(CaseMemo memo) {
        if (memo.area() == null || memo.category() == null) {
            return;
        }
        String key = countKey(memo.area(), memo.category(), hourOf(memo.receivedAt()));
        Long n = counts.get(key);
        counts.put(key, n == null ? 1 : n + 1);
    }

    /** The last 24 hours of an area and category against the same hours of each of the baseline's days. */
    private Spike spikeOf(String area, Category category, Instant at) {
        int days = settings.spikes().baselineDays();
        long now = hourOf(at);
        long[] perDay = new long[days + 1];
        try (KeyValueIterator<String, Long> hours = counts.range(countKey(area, category, now - 24L * (days + 1) + 1),
                countKey(area, category, now))) {
            while (hours.hasNext()) {
                KeyValue<String, Long> entry = hours.next();
                long hour = Long.parseLong(entry.key.substring(entry.key.lastIndexOf('|') + 1));
                perDay[(int) ((now - hour) / 24)] += entry.value;
            }
        }
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

    /** More than half of the spike's reports are one issue: that issue's own score and alert say it better. */
    private boolean isMostlyOneIssue(Spike spike, Instant at) {
        List<CaseMemo> lastDay = reportsOfLastDay(spike.area(), spike.category(), at);
        long largest = lastDay.stream()
                .collect(Collectors.groupingBy(c -> c.clusterId() == null ? c.caseId() : c.clusterId(), Collectors.counting()))
                .values().stream().mapToLong(Long::longValue).max().orElse(0);
        return largest * 2 > lastDay.size();
    }

    private List<CaseMemo> reportsOfLastDay(String area, Category category, Instant at) {
        List<CaseMemo> found = new ArrayList<>();
        try (KeyValueIterator<String, CaseMemo> all = cases.all()) {
            while (all.hasNext()) {
                CaseMemo c = all.next().value;
                if (area.equals(c.area()) && category == c.category() && !c.receivedAt().isBefore(at.minus(DAY))) {
                    found.add(c);
                }
            }
        }
        return found.stream().sorted(Comparator.comparing(CaseMemo::receivedAt)).toList();
    }

    /**
     * Forgets closed cases after a month, quiet issues after the window, counts beyond the baseline, and
     * what was said of a subject once it has been quiet for the window and no longer stands.
     */
    private void forgetWhatIsOld(long streamTime) {
        Instant now = Instant.ofEpochMilli(streamTime);
        List<String> oldCases = new ArrayList<>();
        try (KeyValueIterator<String, CaseMemo> all = cases.all()) {
            all.forEachRemaining(e -> {
                if (!e.value.isOpen() && e.value.lastActionAt() != null && e.value.lastActionAt().isBefore(now.minus(KEEP_CLOSED))) {
                    oldCases.add(e.key);
                }
            });
        }
        oldCases.forEach(cases::delete);
        List<String> oldClusters = new ArrayList<>();
        try (KeyValueIterator<String, Cluster> all = clusters.all()) {
            all.forEachRemaining(e -> {
                boolean quiet = e.value.within(window, now).isEmpty();
                boolean anyOpen = e.value.caseIds().stream().map(cases::get).anyMatch(c -> c != null && c.isOpen());
                if (quiet && !anyOpen) {
                    oldClusters.add(e.key);
                }
            });
        }
        oldClusters.forEach(clusters::delete);
        long oldest = hourOf(now) - 24L * (settings.spikes().baselineDays() + 2);
        List<String> oldCounts = new ArrayList<>();
        try (KeyValueIterator<String, Long> all = counts.all()) {
            all.forEachRemaining(e -> {
                if (Long.parseLong(e.key.substring(e.key.lastIndexOf('|') + 1)) < oldest) {
                    oldCounts.add(e.key);
                }
            });
        }
        oldCounts.forEach(counts::delete);
        List<String> quietSubjects = new ArrayList<>();
        try (KeyValueIterator<String, AlertBook> all = alerts.all()) {
            all.forEachRemaining(e -> {
                boolean quiet = e.value.lastSeenAt() == null || e.value.lastSeenAt().isBefore(now.minus(window));
                if (quiet && !stillStands(e.key)) {
                    quietSubjects.add(e.key);
                }
            });
        }
        quietSubjects.forEach(alerts::delete);
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

    private static long hourOf(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), 3600);
    }

    /** Zero-padded hours, so that a range of keys is a range of time. */
    private static String countKey(String area, Category category, long hour) {
        return area + "|" + category.code() + "|" + String.format("%010d", hour);
    }
}
