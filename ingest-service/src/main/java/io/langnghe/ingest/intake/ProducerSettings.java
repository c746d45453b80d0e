package io.langnghe.ingest.intake;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * Time limits of the petition producer. Together they keep the answer under 10 seconds when Kafka
 * is down: at most {@code maxBlock} waiting for metadata, or {@code deliveryTimeout} for the
 * acknowledgement once the record is queued.
 *
 * @param maxBlock        max.block.ms: waiting for topic metadata (Kafka unreachable since start-up)
 * @param requestTimeout  request.timeout.ms: one produce request to the broker
 * @param deliveryTimeout delivery.timeout.ms: the whole send, retries included
 * @param linger          linger.ms: a little batching without delaying a resident noticeably
 */
@ConfigurationProperties("langnghe.intake.producer")
public record ProducerSettings(
        @Bindable(defaultValue = "4s") Duration maxBlock,
        @Bindable(defaultValue = "3s") Duration requestTimeout,
        @Bindable(defaultValue = "7s") Duration deliveryTimeout,
        @Bindable(defaultValue = "5ms") Duration linger) {
}
