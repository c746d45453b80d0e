package io.langnghe.routing.warning;

import io.langnghe.contracts.AlertAck;
import io.langnghe.contracts.CaseState;

/** What the early warning reads, in one stream: a case that changed, or an alert someone acknowledged. */
public record WarningInput(CaseState state, AlertAck ack) {

    public static WarningInput of(CaseState state) {
        return new WarningInput(state, null);
    }

    public static WarningInput of(AlertAck ack) {
        return new WarningInput(null, ack);
    }
}
