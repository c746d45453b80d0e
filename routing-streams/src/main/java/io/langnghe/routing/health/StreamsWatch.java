package io.langnghe.routing.health;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.configuration.kafka.streams.event.BeforeKafkaStreamStart;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.apache.kafka.common.Metric;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Watches each streams client from before its start: the state it is in and since when (for the health),
 * its consumer lag (a gauge), and a stream thread that dies of an unexpected exception, which is replaced
 * rather than left to shut the whole client down behind a live HTTP port. A record that kills the thread
 * again is set aside by {@link RetryOnceThenDeadLetter}.
 */
@Singleton
public class StreamsWatch {

    private static final Logger LOG = LoggerFactory.getLogger(StreamsWatch.class);

    private final Map<KafkaStreams, StateSince> states = new ConcurrentHashMap<>();
    private final MeterRegistry metrics;
    private final Counter replaced;

    public StreamsWatch(MeterRegistry metrics) {
        this.metrics = metrics;
        this.replaced = metrics.counter("langnghe.routing.stream.threads.replaced");
    }

    /** The state of a client and the wall-clock time it entered it. */
    public record StateSince(KafkaStreams.State state, Instant since) {
    }

    @EventListener
    public void onBeforeStart(BeforeKafkaStreamStart event) {
        watch(event.getKafkaStreams(), Clock.systemUTC());
    }

    /** Registers the listeners; must run before {@code start()}. */
    public void watch(KafkaStreams streams, Clock clock) {
        states.put(streams, new StateSince(streams.state(), clock.instant()));
        streams.setStateListener((newState, oldState) -> states.put(streams, new StateSince(newState, clock.instant())));
        streams.setUncaughtExceptionHandler(exception -> {
            LOG.error("A stream thread failed; replacing it (a record that fails again goes to the dead letters)", exception);
            replaced.increment();
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        Gauge.builder("langnghe.consumer.lag", streams, StreamsWatch::lag)
                .description("Records behind the end of the input topics, summed over partitions")
                .tag("service", "routing-streams")
                .register(metrics);
    }

    public StateSince state(KafkaStreams streams) {
        StateSince known = states.get(streams);
        // a client not watched, or a listener call still on its way: the state is new as far as we know
        return known != null && known.state() == streams.state() ? known : new StateSince(streams.state(), Instant.now());
    }

    /** Sum of the consumers' records-lag over their partitions (a partition not yet fetched counts 0). */
    static double lag(KafkaStreams streams) {
        double lag = 0;
        for (Metric metric : streams.metrics().values()) {
            if (metric.metricName().name().equals("records-lag")
                    && metric.metricName().group().equals("consumer-fetch-manager-metrics")
                    && metric.metricValue() instanceof Double value && Double.isFinite(value)) {
                lag += value;
            }
        }
        return lag;
    }
}
