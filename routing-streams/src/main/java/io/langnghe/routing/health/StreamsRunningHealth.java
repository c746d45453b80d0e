package io.langnghe.routing.health;

import io.micronaut.configuration.kafka.streams.KafkaStreamsFactory;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import org.apache.kafka.streams.KafkaStreams;
import org.reactivestreams.Publisher;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * UP only while every Kafka Streams client routes petitions ({@link StreamsVerdict}). Micronaut's own
 * indicator counts REBALANCING as up forever and a client that shut down after an error stays behind
 * a port that answers; neither may look healthy to a supervisor or a load balancer.
 */
@Singleton
class StreamsRunningHealth implements HealthIndicator {

    private final KafkaStreamsFactory streams;
    private final StreamsWatch watch;

    StreamsRunningHealth(KafkaStreamsFactory streams, StreamsWatch watch) {
        this.streams = streams;
        this.watch = watch;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        Map<String, Object> details = new TreeMap<>();
        boolean up = !streams.getStreams().isEmpty();
        Instant now = Instant.now();
        for (var entry : streams.getStreams().entrySet()) {
            KafkaStreams client = entry.getKey();
            StreamsWatch.StateSince state = watch.state(client);
            details.put(entry.getValue().getName(), Map.of(
                    "state", client.state().name(),
                    "since", state.since().toString(),
                    "lag", (long) StreamsWatch.lag(client)));
            up &= StreamsVerdict.up(client.state(), state.since(), now);
        }
        return Publishers.just(HealthResult.builder("routingStreams", up ? HealthStatus.UP : HealthStatus.DOWN)
                .details(details)
                .build());
    }
}
