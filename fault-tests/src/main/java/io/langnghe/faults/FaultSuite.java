package io.langnghe.faults;

import io.langnghe.contracts.Alert;
import io.langnghe.contracts.CaseState;
import io.langnghe.contracts.CommandResult;
import io.langnghe.contracts.DeadlineState;
import io.langnghe.contracts.HistoryEntry;
import io.langnghe.faults.LaunchedStack.Part;
import io.langnghe.routing.lifecycle.DeadlineWatch;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

/**
 * {@code ./langnghe chaos}: the whole stack, started by the real launcher on 127.0.0.1, under a steady
 * load of petitions, an officer acknowledging them and a burst of look-alike reports around each fault;
 * one fault at a time, cheapest first; after each, once the stack is healthy, every accepted petition is
 * counted in cases.v1 and in the index, every accepted action in its case's history and results, every
 * alert on alerts.v1. One table; exit 1 when anything was lost, doubled or left stale.
 *
 * <p>{@code --short} is the version {@code ./langnghe test} runs: the test's Kafka and Elasticsearch
 * (given), the three services killed in turn, a few minutes in all.
 */
public final class FaultSuite {

    /** How the suite runs: which faults, how hard and how long the load is. */
    public record Plan(List<Fault> faults, int petitionsPerSecond, Duration before, Duration after, Duration caughtUpWithin) {

        /** Each service killed once, then the clock jump: what restarts, idempotent intake and the deadline store must absorb. */
        public static Plan shortened() {
            return new Plan(List.of(Fault.kill(Part.SEARCH), Fault.kill(Part.INGEST), Fault.kill(Part.ROUTING),
                    Fault.clockJump(Duration.ofDays(14))), 3, Duration.ofSeconds(4), Duration.ofSeconds(4), Duration.ofMinutes(3));
        }

        /** Every fault, cheapest first; the clock jump last, since the clock stays moved. */
        public static Plan full() {
            return new Plan(List.of(
                    Fault.kill(Part.SEARCH), Fault.kill(Part.INGEST), Fault.kill(Part.ROUTING),
                    Fault.floodStage(Duration.ofSeconds(30)),
                    Fault.freeze(Part.ROUTING, Duration.ofSeconds(120)),
                    Fault.freeze(Part.ELASTICSEARCH, Duration.ofSeconds(60)),
                    Fault.kill(Part.KAFKA),
                    Fault.clockJump(Duration.ofDays(14))),
                    5, Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofMinutes(5));
        }

        /** The faults named by their codes (search, ingest, routing, flood-stage, routing-stopped, elasticsearch-stopped, kafka, clock). */
        public Plan only(List<String> codes) {
            List<Fault> kept = faults.stream().filter(fault -> codes.contains(fault.code())).toList();
            if (kept.isEmpty()) {
                throw new IllegalArgumentException("no fault named " + codes + "; known: "
                        + faults.stream().map(Fault::code).toList());
            }
            return new Plan(kept, petitionsPerSecond, before, after, caughtUpWithin);
        }
    }

    private static final Set<String> MARKS = Set.of(DeadlineState.DUE_SOON.code(), DeadlineState.OVERDUE.code());

    private final LaunchedStack stack;
    private final Plan plan;
    private final PrintStream out;
    private final String run = HexFormat.of().formatHex(new byte[]{(byte) ThreadLocalRandom.current().nextInt(256),
            (byte) ThreadLocalRandom.current().nextInt(256)}).replace('n', 'm');

    public FaultSuite(LaunchedStack stack, Plan plan, PrintStream out) {
        this.stack = stack;
        this.plan = plan;
        this.out = out;
    }

    public static void main(String[] args) throws IOException {
        boolean shortened = List.of(args).contains("--short");
        int at = List.of(args).indexOf("--faults");
        List<String> chosen = at >= 0 && at + 1 < args.length ? List.of(args[at + 1].split(",")) : List.of();
        Path checkout = Path.of(System.getProperty("langnghe.checkout", ".")).toAbsolutePath().normalize();
        Path home = Files.createTempDirectory("langnghe-chaos-");
        // as root, Elasticsearch runs as an unprivileged user that must reach its data directory
        home.toFile().setExecutable(true, false);
        String prefix = "chaos" + Long.toString(System.currentTimeMillis() % 1_000_000, 36);
        List<FaultRow> rows;
        try (LaunchedStack stack = LaunchedStack.start(checkout, home, prefix,
                shortened ? System.getenv("KAFKA_BOOTSTRAP_SERVERS") : null,
                shortened ? System.getenv("ELASTICSEARCH_URL") : null)) {
            Plan plan = shortened ? Plan.shortened() : Plan.full();
            if (!chosen.isEmpty()) {
                plan = plan.only(chosen);
            }
            rows = new FaultSuite(stack, plan, System.out).run();
            System.out.println();
            System.out.println("Launcher's restart lines:");
            stack.lines().stream().filter(line -> line.contains("supervisor:")).forEach(System.out::println);
        }
        System.exit(rows.stream().allMatch(FaultRow::kept) ? 0 : 1);
    }

    /** Every fault of the plan in turn; prints the table as it grows and returns its rows. */
    public List<FaultRow> run() {
        out.printf("Machine: %d cores, load %s; %d petitions/s, the officer acknowledging them as they come%n",
                Runtime.getRuntime().availableProcessors(), load(), plan.petitionsPerSecond());
        out.println(FaultRow.header());
        List<FaultRow> rows = new ArrayList<>();
        for (int i = 0; i < plan.faults().size(); i++) {
            FaultRow row;
            try {
                row = under(plan.faults().get(i), i, run + "f" + i);
            } catch (RuntimeException e) {
                row = FaultRow.notDone(plan.faults().get(i).name(), String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
            }
            rows.add(row);
            out.println(row.line());
            row.examples().forEach(example -> out.println("    " + example));
            out.flush();
        }
        return rows;
    }

    private FaultRow under(Fault fault, int number, String runOfFault) {
        stack.awaitHealthy(Duration.ofMinutes(4));
        Tally tally = new Tally(stack);
        PetitionLoad load = new PetitionLoad(stack.ingest(), runOfFault, Duration.ofMinutes(4));
        OfficerActions officer = new OfficerActions(stack.search(), runOfFault, load, Duration.ofMinutes(4));
        AlertBurst burst = new AlertBurst(stack.ingest(), runOfFault, number);
        Instant over;
        Set<String> alertedBefore;
        try (load; officer) {
            load.start(plan.petitionsPerSecond());
            officer.start();
            Pause.of(plan.before());
            burst.half(Duration.ofMinutes(2));
            alertedBefore = alertIds(tally.alerts());
            over = fault.inflict().apply(stack);
            burst.half(Duration.ofMinutes(4));
            Pause.of(plan.after());
            load.stop();
            officer.stop();
        }
        Map<String, PetitionLoad.Accepted> accepted = load.accepted();
        Duration caughtUpAfter = null;
        Instant deadline = Instant.now().plus(plan.caughtUpWithin());
        while (Instant.now().isBefore(deadline)) {
            if (tally.searchable(accepted.keySet())) {
                caughtUpAfter = Duration.between(over, Instant.now());
                break;
            }
            Pause.of(Duration.ofSeconds(1));
        }
        List<String> examples = new ArrayList<>();
        // results before cases: a result and its case's version are committed together, so a case read after its
        // result is at that version or later (read the other way round, a late acknowledgement looked lost)
        List<CommandResult> results = resultsOfEvery(officer, tally);
        Tally.Found cases = tally.topic();
        FaultRow.Petitions petitions = petitions(load, cases, indexAtLeastAt(tally, cases), examples);
        FaultRow.Actions actions = actions(officer, cases, results, examples);
        FaultRow.Alerts alerts = alerts(burst, alertedBefore, tally, examples);
        FaultRow.Deadlines deadlines = deadlines(cases, stack.routingClockNow(), examples);
        return new FaultRow(fault.name(), petitions, actions, alerts, deadlines, caughtUpAfter, examples);
    }

    /**
     * The index once every document has reached the version {@code cases} holds, or as it is after 30 s.
     * Cases keep changing while the count is made (deadline marks after a clock jump), so a version written
     * just before the topic was read may still be on its way to the index; only one still behind then is stale.
     */
    private static Tally.Found indexAtLeastAt(Tally tally, Tally.Found cases) {
        return Pause.readUntil(tally::index, documents -> !behind(cases, documents), Duration.ofSeconds(30));
    }

    private static boolean behind(Tally.Found cases, Tally.Found documents) {
        return documents.versionByCaseId().entrySet().stream().anyMatch(indexed -> {
            Long latest = cases.versionByCaseId().get(indexed.getKey());
            return latest != null && indexed.getValue() < latest;
        });
    }

    /** The command results once every acknowledgement answered 202 has one, or as they are after 30 s. */
    private static List<CommandResult> resultsOfEvery(OfficerActions officer, Tally tally) {
        return Pause.readUntil(tally::commandResults, results -> answered(officer, results), Duration.ofSeconds(30));
    }

    private static boolean answered(OfficerActions officer, List<CommandResult> results) {
        Set<String> answered = results.stream().map(CommandResult::commandId).collect(Collectors.toSet());
        return officer.accepted().values().stream().allMatch(action -> answered.contains(action.commandId()));
    }

    /** Each accepted petition is one case and one document, at its latest version (or one written since). */
    private static FaultRow.Petitions petitions(PetitionLoad load, Tally.Found cases, Tally.Found documents, List<String> examples) {
        Map<String, PetitionLoad.Accepted> accepted = load.accepted();
        int lost = 0;
        int doubled = 0;
        int stale = 0;
        for (String marker : accepted.keySet()) {
            int inTopic = cases.caseIds(marker).size();
            int inIndex = documents.caseIds(marker).size();
            if (inTopic == 0 || inIndex == 0) {
                lost++;
                example(examples, "lost " + marker + ": " + inTopic + " cases, " + inIndex + " documents");
            } else if (inTopic > 1 || inIndex > 1 || load.differentAnswers().containsKey(marker)) {
                doubled++;
                example(examples, "doubled " + marker + ": cases " + cases.caseIds(marker) + ", documents "
                        + documents.caseIds(marker) + " " + load.differentAnswers().getOrDefault(marker, ""));
            }
            for (String caseId : documents.caseIds(marker)) {
                Long latest = cases.versionByCaseId().get(caseId);
                Long indexed = documents.versionByCaseId().get(caseId);
                if (latest != null && (indexed == null || indexed < latest)) {
                    stale++;
                    example(examples, "stale " + caseId + ": version " + documents.versionByCaseId().get(caseId)
                            + " indexed, " + latest + " in cases.v1");
                }
            }
        }
        load.notAccepted().entrySet().stream().limit(2)
                .forEach(e -> example(examples, "not accepted " + e.getKey() + ": " + e.getValue()));
        return new FaultRow.Petitions(accepted.size(), load.notAccepted().size(), load.retries(), lost, doubled, stale);
    }

    /**
     * Each acknowledgement answered 202 is applied once: one line of its case's history carries its command
     * id, and every result for that id (a resend has one too) says accepted at that line's version.
     */
    private static FaultRow.Actions actions(OfficerActions officer, Tally.Found cases, List<CommandResult> answers,
                                            List<String> examples) {
        Map<String, List<CommandResult>> results = answers.stream()
                .collect(Collectors.groupingBy(CommandResult::commandId));
        int lost = 0;
        int doubled = 0;
        for (OfficerActions.Accepted action : officer.accepted().values()) {
            CaseState state = cases.latest().get(action.caseId());
            List<HistoryEntry> lines = state == null ? List.of() : state.history().stream()
                    .filter(line -> action.commandId().equals(line.commandId())).toList();
            List<CommandResult> its = results.getOrDefault(action.commandId(), List.of());
            if (lines.isEmpty() || its.stream().noneMatch(CommandResult::accepted)) {
                lost++;
                example(examples, "action lost " + action.commandId() + " on " + action.caseId() + ": " + lines.size()
                        + " history lines, results " + its);
            } else if (lines.size() > 1 || its.stream().anyMatch(r -> !r.accepted() || r.caseVersion() != lines.get(0).version())) {
                doubled++;
                example(examples, "action doubled " + action.commandId() + " on " + action.caseId() + ": history " + lines
                        + ", results " + its);
            }
        }
        officer.leftAlone().entrySet().stream().limit(1)
                .forEach(e -> example(examples, "left alone " + e.getKey() + ": " + e.getValue()));
        return new FaultRow.Actions(officer.accepted().size(), officer.retries(), lost, doubled);
    }

    /**
     * The burst's alert came, once; and no subject alerted before the fault was alerted again at the same
     * level after it (a replayed early warning that forgot what it had raised).
     */
    private static FaultRow.Alerts alerts(AlertBurst burst, Set<String> alertedBefore, Tally tally, List<String> examples) {
        // the early warning runs behind the case keeper (its own repartition, its stores restored after a restart)
        List<Alert> all = tally.alerts();
        Instant patience = Instant.now().plus(Duration.ofMinutes(2));
        while (all.stream().noneMatch(alert -> alert.caseIds().stream().anyMatch(burst.caseIds()::contains))
                && Instant.now().isBefore(patience)) {
            Pause.of(Duration.ofSeconds(2));
            all = tally.alerts();
        }
        Set<String> subjectsBefore = all.stream().filter(alert -> alertedBefore.contains(alert.alertId()))
                .map(alert -> alert.subject() + " " + alert.level()).collect(Collectors.toSet());
        List<Alert> raisedAfter = all.stream().filter(alert -> !alertedBefore.contains(alert.alertId())).toList();
        int doubled = 0;
        for (Alert alert : raisedAfter) {
            if (subjectsBefore.contains(alert.subject() + " " + alert.level())) {
                doubled++;
                example(examples, "alert raised again " + alert.alertId() + " " + alert.subject());
            }
        }
        List<Alert> ofBurst = all.stream().filter(alert -> alert.caseIds().stream().anyMatch(burst.caseIds()::contains)).toList();
        // each of its cases may be alerted on its own (overdue), but no subject twice at one level
        Map<String, Long> perLevel = ofBurst.stream().collect(Collectors.groupingBy(alert -> alert.subject() + " " + alert.level(),
                Collectors.counting()));
        int lost = ofBurst.isEmpty() ? 1 : 0;
        if (lost > 0) {
            example(examples, "no alert for the burst " + burst.caseIds());
        }
        if (perLevel.values().stream().anyMatch(count -> count > 1)) {
            doubled++;
            example(examples, "the burst's alert raised twice: " + ofBurst.stream().map(Alert::alertId).toList());
        }
        return new FaultRow.Alerts(1, lost, doubled);
    }

    /**
     * Every mark once: no case carries the same mark twice for one deadline, and every open case whose deadline
     * has passed by routing-streams' clock, and that has stood still for a few checks, carries its overdue mark.
     * A case may rightly be overdue twice: late to be acknowledged, then, acknowledged, late to be resolved (a
     * new deadline, which the mark's note names).
     */
    static FaultRow.Deadlines deadlines(Tally.Found cases, Instant routingNow, List<String> examples) {
        int marked = 0;
        int missed = 0;
        int doubled = 0;
        Instant passedBefore = routingNow.minus(Duration.ofSeconds(15));
        // a case opened or changed in the last few checks may not have been looked at yet
        Instant settledBefore = Instant.now().minus(Duration.ofSeconds(15));
        for (CaseState state : cases.latest().values()) {
            List<HistoryEntry> marks = state.history().stream().filter(line -> MARKS.contains(line.action())).toList();
            marked += marks.size();
            Map<String, Long> perDeadline = marks.stream()
                    .collect(Collectors.groupingBy(line -> line.action() + " (" + line.note() + ")", Collectors.counting()));
            if (perDeadline.values().stream().anyMatch(count -> count > 1)) {
                doubled++;
                example(examples, "marked twice " + state.caseId() + ": " + perDeadline);
            }
            if (state.status().isOpen() && state.dueAt() != null && state.dueAt().isBefore(passedBefore)
                    && state.updatedAt() != null && state.updatedAt().isBefore(settledBefore) && !markedOverdue(marks, state.dueAt())) {
                missed++;
                example(examples, "overdue unmarked " + state.caseId() + ": due " + state.dueAt() + ", routing clock " + routingNow);
            }
        }
        return new FaultRow.Deadlines(marked, missed, doubled);
    }

    /** Whether one of the marks is the overdue mark of this deadline (the watch's note names the deadline). */
    private static boolean markedOverdue(List<HistoryEntry> marks, Instant dueAt) {
        return marks.stream().anyMatch(line -> DeadlineState.OVERDUE.code().equals(line.action())
                && DeadlineWatch.noteOf(dueAt).equals(line.note()));
    }

    private static Set<String> alertIds(List<Alert> alerts) {
        return alerts.stream().map(Alert::alertId).collect(Collectors.toSet());
    }

    private static void example(List<String> examples, String example) {
        if (examples.size() < 5) {
            examples.add(example);
        }
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "unknown";
        }
    }
}
