package io.langnghe.ingest.intake;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * Limits of the public intake.
 *
 * @param maxBodyBytes          largest JSON body accepted (the issue says 64 KiB)
 * @param maxTextCodePoints     longest petition text, in Unicode code points after NFC
 * @param maxNameCodePoints     longest name
 * @param maxAddressCodePoints  longest address
 * @param retryAfter            what a 503 tells the client to wait before retrying
 * @param idempotencyTtl        how long a retry with the same Idempotency-Key gets the first answer
 * @param idempotencyMaxEntries how many answers are remembered (per instance)
 */
@ConfigurationProperties("langnghe.intake")
public record IntakeLimits(
        @Bindable(defaultValue = "65536") int maxBodyBytes,
        @Bindable(defaultValue = "5000") int maxTextCodePoints,
        @Bindable(defaultValue = "200") int maxNameCodePoints,
        @Bindable(defaultValue = "500") int maxAddressCodePoints,
        @Bindable(defaultValue = "5s") Duration retryAfter,
        @Bindable(defaultValue = "24h") Duration idempotencyTtl,
        @Bindable(defaultValue = "100000") long idempotencyMaxEntries) {

    public static IntakeLimits defaults() {
        return new IntakeLimits(65536, 5000, 200, 500, Duration.ofSeconds(5), Duration.ofHours(24), 100_000);
    }
}
