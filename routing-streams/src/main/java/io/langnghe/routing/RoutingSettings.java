package io.langnghe.routing;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * How routing decides, from {@code langnghe.routing.*}.
 *
 * @param triageBelowConfidence a classification less sure than this goes to the triage desk
 * @param triageWithinMargin    so does one whose runner-up is closer than this (two problems, or words of both)
 * @param acknowledgeWithin     working days a department has to acknowledge a case it receives
 * @param resolveWithin         working days it has to resolve it, from when it received it
 */
@ConfigurationProperties("langnghe.routing")
public record RoutingSettings(
        @Bindable(defaultValue = "0.5") double triageBelowConfidence,
        @Bindable(defaultValue = "0.2") double triageWithinMargin,
        @Bindable(defaultValue = "1") int acknowledgeWithin,
        @Bindable(defaultValue = "10") int resolveWithin) {

    /** The defaults above, for code that runs without Micronaut (./langnghe classify). */
    public static final RoutingSettings DEFAULTS = new RoutingSettings(0.5, 0.2, 1, 10);

    public RoutingSettings {
        if (triageBelowConfidence < 0 || triageBelowConfidence > 1) {
            throw new IllegalArgumentException("langnghe.routing.triage-below-confidence must be between 0 and 1, got " + triageBelowConfidence);
        }
        if (triageWithinMargin < 0 || triageWithinMargin > 1) {
            throw new IllegalArgumentException("langnghe.routing.triage-within-margin must be between 0 and 1, got " + triageWithinMargin);
        }
        if (acknowledgeWithin < 0 || resolveWithin < acknowledgeWithin) {
            throw new IllegalArgumentException("langnghe.routing: need 0 <= acknowledge-within <= resolve-within (working days), got "
                    + acknowledgeWithin + " and " + resolveWithin);
        }
    }
}
