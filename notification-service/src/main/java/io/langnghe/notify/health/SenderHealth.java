package io.langnghe.notify.health;

import io.langnghe.contracts.kafka.ConsumerProgress;
import io.langnghe.notify.send.SenderSupervisor;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

import java.util.Map;
import java.util.TreeMap;

/**
 * notification-service is DOWN while its sender is not running or has not moved for two minutes while
 * messages wait: the planner would go on queueing answers that nobody sends. The sender's lag is the
 * gauge {@code langnghe_consumer_lag{service="notification-service",consumer="sender"}}.
 */
@Singleton
class SenderHealth implements HealthIndicator {

    private final SenderSupervisor sender;

    SenderHealth(SenderSupervisor sender, MeterRegistry metrics) {
        this.sender = sender;
        Gauge.builder("langnghe.consumer.lag", sender, s -> s.progress().lag())
                .description("Records behind the end of the input topic, summed over partitions")
                .tag("service", "notification-service")
                .tag("consumer", "sender")
                .register(metrics);
        FunctionCounter.builder("langnghe.notifications.sender.replaced", sender, SenderSupervisor::replaced)
                .description("Senders replaced after stopping on an error")
                .register(metrics);
    }

    @Override
    public Publisher<HealthResult> getResult() {
        ConsumerProgress progress = sender.progress();
        Map<String, Object> details = new TreeMap<>(progress.details());
        details.put("replaced", sender.replaced());
        return Publishers.just(HealthResult.builder("sender", progress.up() ? HealthStatus.UP : HealthStatus.DOWN)
                .details(details)
                .build());
    }
}
