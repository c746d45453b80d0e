package io.langnghe.routing.cases;

import io.langnghe.access.Roles;
import io.langnghe.contracts.CaseCommand;
import io.langnghe.contracts.CaseState;
import io.langnghe.contracts.CommandResult;
import io.langnghe.contracts.Correction;
import io.langnghe.contracts.HistoryEntry;
import io.langnghe.routing.StoreKeys;
import io.langnghe.routing.lifecycle.CaseLifecycle;
import io.langnghe.routing.lifecycle.DeadlineWatch;
import io.langnghe.routing.lifecycle.Decision;
import io.langnghe.routing.lifecycle.RecentHistory;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Keeps the current state of every case of a ward in a local store (backed by a changelog topic): a newly
 * opened case goes in unless it is already there (a replayed petition does not reset a case), and
 * each command is decided against the stored case by {@link CaseLifecycle}. Times are the records'
 * own, so a replay decides the same way. The one exception is the {@link DeadlineWatch}: every so
 * often (wall-clock time: a deadline passes whether or not anything arrives) {@link #checkDeadlines}
 * marks the open cases that became due soon or overdue. It finds them in a second store ordered by the
 * time of each case's next mark ({@value #DEADLINES}: "time|case id"), read up to now: the cases whose
 * clock has come, never every case kept.
 * <p>
 * Not a processor of its own: {@link WardTask} drives it, and weighs each change with the early warning
 * before anything is published. Records handed in and out are keyed by case id.
 */
public final class CaseKeeper {

    /** Cases by case id, in the task of their ward (the previous version kept them by case id: {@link MoveToWard}). */
    public static final String STORE = "ward-cases";
    public static final String DEADLINES = "ward-case-deadlines";
    private static final byte[] ASSESSMENT = CaseState.ASSESSMENT_CHANGE.getBytes(StandardCharsets.UTF_8);

    /**
     * What to publish: the new state (if any, its history bounded), the command's result (for commands someone waits for), a
     * correction (if any), the new lines of the case's history (each one once, for the history topic), and the
     * commands the decision sends on other cases (empty but for a letter's accepted requests).
     */
    public record Change(CaseState state, CommandResult result, Correction correction, List<HistoryEntry> history,
                         List<CaseCommand> followUps) {
    }

    private final CaseLifecycle lifecycle;
    private final DeadlineWatch watch;
    private Consumer<Record<String, Change>> out;
    private KeyValueStore<String, CaseState> cases;
    private KeyValueStore<String, String> deadlines;

    public CaseKeeper(CaseLifecycle lifecycle, DeadlineWatch watch) {
        this.lifecycle = lifecycle;
        this.watch = watch;
    }

    /** Opens the task's stores; each change goes to {@code out}. */
    void init(ProcessorContext<?, ?> context, Consumer<Record<String, Change>> out) {
        this.out = out;
        this.cases = context.getStateStore(STORE);
        this.deadlines = context.getStateStore(DEADLINES);
    }

    DeadlineWatch watch() {
        return watch;
    }

    /** A case just opened, keyed by its id; the caller has seen it is not kept yet ({@link #has}). */
    void open(Record<String, CaseState> record) {
        CaseState kept = keep(null, record.value());
        out.accept(record.withValue(new Change(kept, null, null, RecentHistory.added(null, record.value()), List.of())));
    }

    /** A command, keyed by its case id, decided against the stored case. */
    void decide(Record<String, CaseCommand> record) {
        CaseCommand command = record.value();
        CaseState current = cases.get(record.key());
        Instant at = Instant.ofEpochMilli(record.timestamp());
        Optional<HistoryEntry> applied = appliedLine(current, command.commandId());
        if (applied.isPresent()) {
            // a resend of a command already applied (the officer's retry after a lost answer): told again, not done again
            if (isAwaited(command)) {
                out.accept(record.withValue(new Change(null, new CommandResult(CommandResult.SCHEMA_VERSION, command.commandId(),
                        command.caseId(), command.type(), true, applied.get().version(), null, at), null, List.of(), List.of())));
            }
            return;
        }
        Decision decision = lifecycle.decide(current, command, at);
        CaseState kept = decision.isAccepted() ? keep(current, stamped(current, decision.updated(), command.commandId())) : null;
        CaseState now = decision.isAccepted() ? kept : current;
        CommandResult result = !isAwaited(command) ? null : new CommandResult(CommandResult.SCHEMA_VERSION, command.commandId(),
                command.caseId(), command.type(), decision.isAccepted(), now == null ? 0 : now.version(), decision.refusal(), at);
        Record<String, Change> change = record.withValue(new Change(kept, result, decision.correction(),
                decision.isAccepted() ? RecentHistory.added(current, kept) : List.of(), decision.followUps()));
        if (kept != null && command.type() == CaseCommand.Type.ASSESS) {
            // readers that do not weigh the risk (the notification planner) skip this version unread, and the ward's task
            // does not weigh it again
            Headers headers = new RecordHeaders(record.headers().toArray());
            headers.remove(CaseState.CHANGE_HEADER);
            change = change.withHeaders(headers.add(CaseState.CHANGE_HEADER, ASSESSMENT.clone()));
        }
        out.accept(change);
    }

    /**
     * Whether someone waits for the command's result: not for the early warning's own assessments (a system's
     * {@code assess}), which it never reads; it tells the case again when its view still differs. Officers',
     * leaders' and residents' commands always have theirs.
     */
    private static boolean isAwaited(CaseCommand command) {
        return command.type() != CaseCommand.Type.ASSESS || command.actor() == null || !Roles.SYSTEM.equals(command.actor().role());
    }

    /** The line a command made, when the case still holds it (a resend comes soon, well within the recent lines). */
    private static Optional<HistoryEntry> appliedLine(CaseState current, String commandId) {
        if (current == null) {
            return Optional.empty();
        }
        return current.history().stream().filter(line -> commandId.equals(line.commandId())).findFirst();
    }

    /** The lines a command added carry its id: the case's own record of what it has applied. */
    private static CaseState stamped(CaseState before, CaseState after, String commandId) {
        long since = before == null ? 0 : before.version();
        return after.withHistory(after.history().stream()
                .map(line -> line.version() > since && line.commandId() == null ? line.withCommandId(commandId) : line)
                .toList());
    }

    /** Stores the case with its history bounded, and moves its entry in the deadline store to its next mark. */
    private CaseState keep(CaseState before, CaseState changed) {
        CaseState after = RecentHistory.of(changed);
        Optional<Instant> was = before == null ? Optional.empty() : watch.nextMarkAt(before);
        Optional<Instant> next = watch.nextMarkAt(after);
        if (!was.equals(next)) {
            was.ifPresent(at -> deadlines.delete(deadlineKey(at, before.caseId())));
            next.ifPresent(at -> deadlines.put(deadlineKey(at, after.caseId()), after.caseId()));
        }
        cases.put(after.caseId(), after);
        return after;
    }

    /**
     * The early warning's verdict on a case just opened, on its first version rather than a second: its issue and
     * risk, and, when it joins an issue, the line that says so (of the same version: one change, one version).
     */
    CaseState assessedOnOpening(CaseState opened, CaseCommand assessment, Instant at) {
        return lifecycle.assessedOnOpening(opened, assessment, at);
    }

    /** Whether the case is kept already (a petition read again after a crash opens nothing). */
    boolean has(String caseId) {
        return cases.get(caseId) != null;
    }

    /** A case kept before, moved from the store of its case id's task ({@link MoveToWard}): kept as it was, unless newer here. */
    void moved(CaseState before) {
        if (cases.get(before.caseId()) == null) {
            keep(null, before);
        }
    }

    /** Marks the cases whose next mark has come; collected first, so the store is not changed under its iterator. */
    void checkDeadlines(long wallClockTime) {
        Instant now = watch.now(wallClockTime);
        List<KeyValue<String, String>> due = new ArrayList<>();
        try (KeyValueIterator<String, String> come = deadlines.range(deadlineKey(Instant.EPOCH, ""), deadlineKey(now, "~"))) {
            come.forEachRemaining(due::add);
        }
        for (KeyValue<String, String> entry : due) {
            CaseState state = cases.get(entry.value);
            Optional<CaseState> marked = state == null ? Optional.empty() : watch.check(state, now);
            if (marked.isPresent()) {
                CaseState kept = keep(state, marked.get());
                out.accept(new Record<>(entry.value, new Change(kept, null, null, RecentHistory.added(state, marked.get()), List.of()),
                        wallClockTime));
            } else {
                // nothing to mark after all (the case is gone, or its clock moved): it waits for its next mark, if any
                deadlines.delete(entry.key);
                Optional.ofNullable(state).flatMap(watch::nextMarkAt).filter(at -> at.isAfter(now))
                        .ifPresent(at -> deadlines.put(deadlineKey(at, entry.value), entry.value));
            }
        }
    }

    /** Zero-padded milliseconds, so that a range of keys is a range of time. */
    private static String deadlineKey(Instant at, String caseId) {
        return StoreKeys.zeroPadded(Math.max(0, at.toEpochMilli()), 13) + "|" + caseId;
    }
}
