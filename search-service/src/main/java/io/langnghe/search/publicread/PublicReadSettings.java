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
 * @param exemptLoopback  leave this machine unlimited: on the local stack everything comes from 127.0.0.1
 */
@ConfigurationProperties("langnghe.public-reads")
public record PublicReadSettings(
        @Bindable(defaultValue = "60") int perIp,
        @Bindable(defaultValue = "1m") Duration window,
        @Bindable(defaultValue = "100000") int maxTrackedAddresses,
        @Bindable(defaultValue = "") List<String> exemptAddresses,
        @Bindable(defaultValue = "false") boolean exemptLoopback) {
}
