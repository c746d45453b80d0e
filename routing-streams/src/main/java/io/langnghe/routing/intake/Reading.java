package io.langnghe.routing.intake;

import io.langnghe.contracts.DeadLetter;
import io.langnghe.contracts.FeedbackReceived;

/** A received record after reading: either a petition, or the dead letter that explains why not. */
public record Reading(FeedbackReceived petition, DeadLetter deadLetter) {

    public static Reading of(FeedbackReceived petition) {
        return new Reading(petition, null);
    }

    public static Reading unreadable(DeadLetter deadLetter) {
        return new Reading(null, deadLetter);
    }

    public boolean isReadable() {
        return petition != null;
    }
}
