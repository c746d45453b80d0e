package io.langnghe.ingest.channels;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * The ward's Zalo Official Account webhook.
 *
 * @param maxClockSkew how far an event's timestamp may be from our clock before it counts as a replay
 */
@ConfigurationProperties("langnghe.zalo")
public record ZaloSettings(@Bindable(defaultValue = "5m") Duration maxClockSkew) {
}
