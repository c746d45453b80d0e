package io.langnghe.routing.lifecycle;

import io.langnghe.contracts.CaseCommand;
import io.langnghe.contracts.CaseState;
import io.langnghe.contracts.CommandResult.Reason;
import io.langnghe.contracts.Correction;

import java.util.List;

/**
 * What the lifecycle made of a command: the case as it now stands (and, for a reassignment that
 * names the right category, the correction the classifier learns from; for a letter's accepted requests, the
 * commands that open their cases), or the reason it was refused.
 */
public record Decision(CaseState updated, Correction correction, Reason refusal, List<CaseCommand> followUps) {

    static Decision accepted(CaseState updated, Correction correction) {
        return new Decision(updated, correction, null, List.of());
    }

    static Decision refused(String vi, String en) {
        return new Decision(null, null, new Reason(vi, en), List.of());
    }

    /** The same decision with the commands it sends on other cases (a letter's accepted requests: open each). */
    Decision withFollowUps(List<CaseCommand> followUps) {
        return new Decision(updated, correction, refusal, List.copyOf(followUps));
    }

    public boolean isAccepted() {
        return refusal == null;
    }
}
