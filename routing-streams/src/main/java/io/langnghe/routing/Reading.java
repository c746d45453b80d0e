package io.langnghe.routing;

import io.langnghe.contracts.DeadLetter;
import io.langnghe.contracts.FeedbackReceived;

/** A received record after reading: either a petition, or the dead letter that explains why not. */
record Reading(FeedbackReceived petition, DeadLetter deadLetter) {

    static Reading of(FeedbackReceived petition) {
        return new Reading(petition, null);
    }

    static Reading unreadable(DeadLetter deadLetter) {
        return new Reading(null, deadLetter);
    }

    boolean isReadable() {
        return petition != null;
    }
}
