package io.langnghe.routing.cases;

import io.langnghe.contracts.CaseCommand;
import io.langnghe.contracts.CaseState;
import io.langnghe.routing.warning.EarlyWarning;
import io.langnghe.routing.warning.WarningInput;
import io.langnghe.routing.warning.WarningOutput;
import io.langnghe.routing.warning.WeighedCase;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

import java.time.Instant;
import java.util.Optional;

/**
 * The task of one ward: it keeps the ward's cases ({@link CaseKeeper}) and weighs each change with the ward's
 * early warning ({@link EarlyWarning}) in the same step, with no topic between them. A new case is weighed before
 * it is kept, so its first version already carries its issue and risk; what the warning tells another case
 * (the first report of an issue just started, a case whose own risk changed) is decided there and then, as a
 * version marked as an assessment, which is not weighed again.
 */
public final class WardTask implements Processor<String, WardInput, String, WardTask.Said> {

    /** One record to publish: a change of a case (keyed by its id), or what the early warning says. */
    public record Said(CaseKeeper.Change change, WarningOutput warning) {
    }

    private final CaseKeeper keeper;
    private final Optional<EarlyWarning> warning;
    private ProcessorContext<String, Said> context;
    /** The case being opened while the warning weighs it, and the verdict the warning gave it. */
    private String opening;
    private CaseCommand verdict;

    public WardTask(CaseKeeper keeper, Optional<EarlyWarning> warning) {
        this.keeper = keeper;
        this.warning = warning;
    }

    @Override
    public void init(ProcessorContext<String, Said> context) {
        this.context = context;
        keeper.init(context, this::kept);
        warning.ifPresent(w -> w.init(context, this::said));
        context.schedule(keeper.watch().checkEvery(), PunctuationType.WALL_CLOCK_TIME, keeper::checkDeadlines);
    }

    @Override
    public void process(Record<String, WardInput> record) {
        WardInput input = record.value();
        if (input.ack() != null) {
            warning.ifPresent(w -> w.process(record.withKey(input.ack().alertId()).withValue(WarningInput.of(input.ack()))));
        } else if (input.moved() != null) {
            keeper.moved(input.moved());
        } else if (input.opened() != null) {
            opened(record.withKey(input.opened().caseId()).withValue(input.opened()));
        } else {
            keeper.decide(record.withKey(input.command().caseId()).withValue(input.command()));
        }
    }

    private void opened(Record<String, CaseState> record) {
        if (keeper.has(record.key())) {
            return;
        }
        CaseState opened = record.value();
        opening = record.key();
        verdict = null;
        try {
            if (warning.isPresent()) {
                warning.get().process(record.withValue(WarningInput.of(WeighedCase.of(opened))));
                if (verdict != null) {
                    opened = keeper.assessedOnOpening(opened, verdict, Instant.ofEpochMilli(record.timestamp()));
                }
            }
            keeper.open(record.withValue(opened));
        } finally {
            opening = null;
        }
    }

    /** A change the keeper made: published, then weighed, unless it is an opening (weighed before) or an assessment. */
    private void kept(Record<String, CaseKeeper.Change> change) {
        context.forward(change.withValue(new Said(change.value(), null)));
        CaseState state = change.value().state();
        if (warning.isPresent() && state != null && !state.caseId().equals(opening) && !CaseState.isAssessmentChange(change.headers())) {
            warning.get().process(change.withValue(WarningInput.of(WeighedCase.of(state))));
        }
    }

    /** What the warning says: an assessment is decided by the keeper at once (on the case in hand: its first version). */
    private void said(Record<String, WarningOutput> said) {
        CaseCommand assessment = said.value().assessment();
        if (assessment == null) {
            context.forward(said.withValue(new Said(null, said.value())));
        } else if (assessment.caseId().equals(opening)) {
            verdict = assessment;
        } else {
            keeper.decide(said.withKey(assessment.caseId()).withValue(assessment));
        }
    }
}
