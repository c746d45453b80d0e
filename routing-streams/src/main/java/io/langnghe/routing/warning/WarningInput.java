package io.langnghe.routing.warning;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.langnghe.contracts.AlertAck;
import io.langnghe.contracts.CaseState;

/** What the early warning reads, in one stream: a case that changed, or an alert someone acknowledged. */
public record WarningInput(WeighedCase change, AlertAck ack) {

    public static WarningInput of(WeighedCase change) {
        return new WarningInput(change, null);
    }

    public static WarningInput of(AlertAck ack) {
        return new WarningInput(null, ack);
    }

    /** As read from the ward's repartition topic, where an earlier version wrote the whole case as {@code state}. */
    @JsonCreator
    static WarningInput read(@JsonProperty("change") WeighedCase change, @JsonProperty("ack") AlertAck ack,
                             @JsonProperty("state") CaseState state) {
        return new WarningInput(change == null && state != null ? WeighedCase.of(state) : change, ack);
    }
}
