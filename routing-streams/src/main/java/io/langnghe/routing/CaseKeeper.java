package io.langnghe.routing;

import io.langnghe.contracts.CaseCommand;
import io.langnghe.contracts.CaseState;
import io.langnghe.contracts.CommandResult;
import io.langnghe.contracts.Correction;
import io.langnghe.routing.lifecycle.CaseLifecycle;
import io.langnghe.routing.lifecycle.DeadlineWatch;
import io.langnghe.routing.lifecycle.Decision;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the current state of every case in a local store (backed by a changelog topic): a newly
 * opened case goes in unless it is already there (a replayed petition does not reset a case), and
 * each command is decided against the stored case by {@link CaseLifecycle}. Times are the records'
 * own, so a replay decides the same way. The one exception is the {@link DeadlineWatch}: every so
 * often (wall-clock time: a deadline passes whether or not anything arrives) it marks the open cases
 * that became due soon or overdue. (A plain processor, not a fixed-key one, because a punctuation
 * must create its own records; the key never changes.)
 */
final class CaseKeeper implements Processor<String, CaseKeeper.Input, String, CaseKeeper.Change> {

    static final String STORE = "cases";

    /** A case just opened, or a command on one. */
    record Input(CaseState opened, CaseCommand command) {
        static Input opened(CaseState opened) {
            return new Input(opened, null);
        }

        static Input command(CaseCommand command) {
            return new Input(null, command);
        }
    }

    /** What to publish: the new state (if any), the command's result (for commands), a correction (if any). */
    record Change(CaseState state, CommandResult result, Correction correction) {
    }

    private final CaseLifecycle lifecycle;
    private final DeadlineWatch watch;
    private ProcessorContext<String, Change> context;
    private KeyValueStore<String, CaseState> cases;

    CaseKeeper(CaseLifecycle lifecycle, DeadlineWatch watch) {
        this.lifecycle = lifecycle;
        this.watch = watch;
    }

    @Override
    public void init(ProcessorContext<String, Change> context) {
        this.context = context;
        this.cases = context.getStateStore(STORE);
        context.schedule(watch.checkEvery(), PunctuationType.WALL_CLOCK_TIME, this::checkDeadlines);
    }

    @Override
    public void process(Record<String, Input> record) {
        Input input = record.value();
        if (input.opened() != null) {
            if (cases.get(record.key()) == null) {
                cases.put(record.key(), input.opened());
                context.forward(record.withValue(new Change(input.opened(), null, null)));
            }
            return;
        }
        CaseCommand command = input.command();
        CaseState current = cases.get(record.key());
        Instant at = Instant.ofEpochMilli(record.timestamp());
        Decision decision = lifecycle.decide(current, command, at);
        if (decision.isAccepted()) {
            cases.put(record.key(), decision.updated());
        }
        CaseState now = decision.isAccepted() ? decision.updated() : current;
        CommandResult result = new CommandResult(CommandResult.SCHEMA_VERSION, command.commandId(), command.caseId(), command.type(),
                decision.isAccepted(), now == null ? 0 : now.version(), decision.refusal(), at);
        context.forward(record.withValue(new Change(decision.updated(), result, decision.correction())));
    }

    /** Marks the cases whose clock passed a mark; collected first, so the store is not changed under its iterator. */
    private void checkDeadlines(long wallClockTime) {
        Instant now = Instant.ofEpochMilli(wallClockTime);
        List<CaseState> marked = new ArrayList<>();
        try (KeyValueIterator<String, CaseState> all = cases.all()) {
            while (all.hasNext()) {
                KeyValue<String, CaseState> entry = all.next();
                watch.check(entry.value, now).ifPresent(marked::add);
            }
        }
        for (CaseState state : marked) {
            cases.put(state.caseId(), state);
            context.forward(new Record<>(state.caseId(), new Change(state, null, null), wallClockTime));
        }
    }
}
