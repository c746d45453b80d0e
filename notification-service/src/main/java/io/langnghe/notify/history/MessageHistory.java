package io.langnghe.notify.history;

import io.langnghe.contracts.MessageOutcome;

import java.util.ArrayList;
import java.util.List;

/**
 * A case's messages as its officers see them: channel, template, time and outcome of each, never the
 * contact. The latest {@value #KEPT} are kept, so the record stays small however long a case lives.
 */
public record MessageHistory(List<MessageOutcome> outcomes) {

    public static final int KEPT = 50;

    public MessageHistory {
        outcomes = outcomes == null ? List.of() : List.copyOf(outcomes);
    }

    public static MessageHistory empty() {
        return new MessageHistory(List.of());
    }

    public MessageHistory plus(MessageOutcome outcome) {
        List<MessageOutcome> more = new ArrayList<>(outcomes);
        more.add(outcome);
        return new MessageHistory(more.size() > KEPT ? more.subList(more.size() - KEPT, more.size()) : more);
    }
}
