package io.langnghe.routing.intake;

import io.langnghe.contracts.FeedbackReceived;

/** A petition with the routing decided for it: what the intake hands to the case keeper. */
public record Routed(FeedbackReceived petition, Routing routing) {
}
