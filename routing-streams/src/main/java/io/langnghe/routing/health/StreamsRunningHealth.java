package io.langnghe.routing;

import io.micronaut.configuration.kafka.streams.KafkaStreamsFactory;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import org.apache.kafka.streams.KafkaStreams;
import org.reactivestreams.Publisher;

import java.util.Map;
import java.util.TreeMap;

/**
 * UP only while every Kafka Streams instance is RUNNING. Micronaut's own indicator also counts
 * REBALANCING as up, which at start-up would report ready before the first petition can be routed.
 */
@Singleton
class StreamsRunningHealth implements HealthIndicator {

    private final KafkaStreamsFactory streams;

    StreamsRunningHealth(KafkaStreamsFactory streams) {
        this.streams = streams;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        Map<String, String> states = new TreeMap<>();
        boolean running = !streams.getStreams().isEmpty();
        for (var entry : streams.getStreams().entrySet()) {
            KafkaStreams.State state = entry.getKey().state();
            states.put(entry.getValue().getName(), state.name());
            running &= state == KafkaStreams.State.RUNNING;
        }
        return Publishers.just(HealthResult.builder("routingStreams", running ? HealthStatus.UP : HealthStatus.DOWN)
                .details(states)
                .build());
    }
}
