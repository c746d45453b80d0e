package io.langnghe.routing.lifecycle;

import io.langnghe.contracts.CaseState;
import io.langnghe.contracts.CommandResult.Reason;
import io.langnghe.contracts.Correction;

/**
 * What the lifecycle made of a command: the case as it now stands (and, for a reassignment that
 * names the right category, the correction the classifier learns from), or the reason it was refused.
 */
public record Decision(CaseState updated, Correction correction, Reason refusal) {

    static Decision accepted(CaseState updated, Correction correction) {
        return new Decision(updated, correction, null);
    }

    static Decision refused(String vi, String en) {
        return new Decision(null, null, new Reason(vi, en));
    }

    public boolean isAccepted() {
        return refusal == null;
    }
}
