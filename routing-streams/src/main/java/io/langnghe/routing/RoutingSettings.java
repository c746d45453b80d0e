package io.langnghe.routing;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * How routing decides, from {@code langnghe.routing.*}.
 *
 * @param triageBelowConfidence a classification less sure than this goes to the triage desk
 * @param timeToResolve         from routing to the due date of the answer (calendar time until
 *                              working-day calendars arrive)
 */
@ConfigurationProperties("langnghe.routing")
public record RoutingSettings(
        @Bindable(defaultValue = "0.5") double triageBelowConfidence,
        @Bindable(defaultValue = "10d") Duration timeToResolve) {

    public RoutingSettings {
        if (triageBelowConfidence < 0 || triageBelowConfidence > 1) {
            throw new IllegalArgumentException("langnghe.routing.triage-below-confidence must be between 0 and 1, got " + triageBelowConfidence);
        }
        if (timeToResolve == null || timeToResolve.isNegative() || timeToResolve.isZero()) {
            throw new IllegalArgumentException("langnghe.routing.time-to-resolve must be positive, got " + timeToResolve);
        }
    }
}
