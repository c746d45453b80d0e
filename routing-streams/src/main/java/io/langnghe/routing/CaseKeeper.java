package io.langnghe.routing;

import io.langnghe.contracts.CaseCommand;
import io.langnghe.contracts.CaseState;
import io.langnghe.contracts.CommandResult;
import io.langnghe.contracts.Correction;
import io.langnghe.routing.lifecycle.CaseLifecycle;
import io.langnghe.routing.lifecycle.Decision;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;

import java.time.Instant;

/**
 * Keeps the current state of every case in a local store (backed by a changelog topic): a newly
 * opened case goes in unless it is already there (a replayed petition does not reset a case), and
 * each command is decided against the stored case by {@link CaseLifecycle}. Times are the records'
 * own, so a replay decides the same way.
 */
final class CaseKeeper implements FixedKeyProcessor<String, CaseKeeper.Input, CaseKeeper.Change> {

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
    private FixedKeyProcessorContext<String, Change> context;
    private KeyValueStore<String, CaseState> cases;

    CaseKeeper(CaseLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Change> context) {
        this.context = context;
        this.cases = context.getStateStore(STORE);
    }

    @Override
    public void process(FixedKeyRecord<String, Input> record) {
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
}
