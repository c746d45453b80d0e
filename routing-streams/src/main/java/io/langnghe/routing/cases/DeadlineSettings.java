package io.langnghe.routing.cases;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import io.langnghe.routing.lifecycle.Deadlines;
import io.langnghe.routing.lifecycle.Within;

import java.time.Duration;

/**
 * The scheduled deadline check, from {@code langnghe.routing.deadlines.*}.
 *
 * @param checkEvery how often (wall-clock time) every open case is looked at
 * @param dueSoonAt  the share of the time to a case's {@code dueAt} after which it is marked due soon
 * @param urgentAcknowledgeWithin time to acknowledge an urgent case ("2h": clock hours, "1d": working days)
 * @param urgentResolveWithin     time to resolve it
 */
@ConfigurationProperties("langnghe.routing.deadlines")
public record DeadlineSettings(
        @Bindable(defaultValue = "1m") Duration checkEvery,
        @Bindable(defaultValue = "0.8") double dueSoonAt,
        @Bindable(defaultValue = "2h") String urgentAcknowledgeWithin,
        @Bindable(defaultValue = "2d") String urgentResolveWithin) {

    /** The urgent times; a malformed one stops start-up with the reason. */
    public Deadlines.Steps urgent() {
        return new Deadlines.Steps(Within.parse(urgentAcknowledgeWithin), Within.parse(urgentResolveWithin));
    }
}
