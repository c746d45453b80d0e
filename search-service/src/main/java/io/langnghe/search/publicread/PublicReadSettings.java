package io.langnghe.search.publicread;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;
import java.util.List;

/**
 * How much one address may read the public list: {@code perIp} requests per {@code window}.
 *
 * @param exemptAddresses addresses or host names read on behalf of many people (ingest-service, which
 *                        limits each resident itself), never limited here
 * @param exemptLoopback  on the local stack, leave its own addresses ({@code trustedAddresses}, by default
 *                        127.0.0.1 and ::1, never the whole loopback range) unlimited
 * @param perIpPerDoor    requests per window from one address at each other anonymous door
 *                        ({@link PublicDoorLimits}: tracking, rating, look-alikes, login)
 */
@ConfigurationProperties("langnghe.public-reads")
public record PublicReadSettings(
        @Bindable(defaultValue = "60") int perIp,
        @Bindable(defaultValue = "1m") Duration window,
        @Bindable(defaultValue = "100000") int maxTrackedAddresses,
        @Bindable(defaultValue = "") List<String> exemptAddresses,
        @Bindable(defaultValue = "false") boolean exemptLoopback,
        @Bindable(defaultValue = "127.0.0.1,::1") List<String> trustedAddresses,
        @Bindable(defaultValue = "60") int perIpPerDoor) {
}
