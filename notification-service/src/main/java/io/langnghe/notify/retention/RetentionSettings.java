package io.langnghe.notify.retention;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * How long a resident's contact outlives their case (Decree 13/2023/ND-CP: no longer than needed).
 *
 * @param contactMonths a closed case's contact is erased this many months after it closed
 * @param checkEvery    how often the cases whose time has come are looked for
 */
@ConfigurationProperties("langnghe.retention")
public record RetentionSettings(
        @Bindable(defaultValue = "24") int contactMonths,
        @Bindable(defaultValue = "1h") Duration checkEvery) {

    public RetentionSettings {
        if (contactMonths < 1) {
            throw new IllegalArgumentException("langnghe.retention.contact-months must be at least 1, got " + contactMonths);
        }
    }
}
