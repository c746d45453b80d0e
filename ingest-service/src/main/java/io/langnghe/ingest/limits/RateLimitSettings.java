package io.langnghe.ingest.limits;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;
import java.util.List;

/**
 * How much one sender may use the public doors: a burst of {@code perIp} requests per {@code ipWindow}
 * from one address, and {@code perPhone} petitions per {@code phoneWindow} from one phone number
 * (web form and SMS). Generous for a resident, tight for a script.
 *
 * @param maxTrackedSenders how many addresses and phones are remembered (per instance, in memory)
 * @param exemptLoopback    on the local stack, leave its own addresses ({@code trustedAddresses}, by
 *                          default 127.0.0.1 and ::1) unlimited by address, where one developer and the
 *                          end-to-end test send everything; never the whole loopback range, so a
 *                          request from 127.0.0.2 is limited as an outside resident's is
 */
@ConfigurationProperties("langnghe.rate-limits")
public record RateLimitSettings(
        @Bindable(defaultValue = "30") int perIp,
        @Bindable(defaultValue = "1m") Duration ipWindow,
        @Bindable(defaultValue = "10") int perPhone,
        @Bindable(defaultValue = "1h") Duration phoneWindow,
        @Bindable(defaultValue = "100000") long maxTrackedSenders,
        @Bindable(defaultValue = "false") boolean exemptLoopback,
        @Bindable(defaultValue = "127.0.0.1,::1") List<String> trustedAddresses) {
}
