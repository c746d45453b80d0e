package io.langnghe.search.indexing;

import io.langnghe.contracts.kafka.ConsumerProgress;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * search-service is DOWN while an indexer thread has stopped, or has not moved for two minutes while
 * cases wait for it: the searches would answer, but with yesterday's cases. Each indexer's lag is also
 * a gauge, {@code langnghe_consumer_lag{service="search-service",indexer=...}}.
 */
@Singleton
class IndexerHealth implements HealthIndicator {

    private final List<TopicIndexer> indexers;

    IndexerHealth(List<TopicIndexer> indexers, MeterRegistry metrics) {
        this.indexers = indexers;
        for (TopicIndexer indexer : indexers) {
            Gauge.builder("langnghe.consumer.lag", indexer, i -> i.progress().lag())
                    .description("Records behind the end of the input topic, summed over partitions")
                    .tag("service", "search-service")
                    .tag("indexer", indexer.name())
                    .register(metrics);
        }
    }

    @Override
    public Publisher<HealthResult> getResult() {
        Map<String, Object> details = new TreeMap<>();
        boolean up = true;
        for (TopicIndexer indexer : indexers) {
            ConsumerProgress progress = indexer.progress();
            details.put(indexer.name(), progress.details());
            up &= progress.up();
        }
        return Publishers.just(HealthResult.builder("indexers", up ? HealthStatus.UP : HealthStatus.DOWN)
                .details(details)
                .build());
    }
}
