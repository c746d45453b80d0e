package io.langnghe.routing.warning;

import io.langnghe.contracts.AlertAck;

/** What the early warning reads: a case that changed, or an alert someone acknowledged. */
public record WarningInput(WeighedCase change, AlertAck ack) {

    public static WarningInput of(WeighedCase change) {
        return new WarningInput(change, null);
    }

    public static WarningInput of(AlertAck ack) {
        return new WarningInput(null, ack);
    }
}
