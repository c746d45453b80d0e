package io.langnghe.notify.send;

import io.langnghe.contracts.MessageOutcome;
import io.langnghe.contracts.Topic;
import io.langnghe.contracts.kafka.KafkaLogin;
import io.langnghe.contracts.kafka.TopicToEnd;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The idempotency keys already settled (sent, delivered, suppressed or set aside), read from the
 * outcomes topic. Read whole when partitions are assigned, so an instance taking over another's
 * partitions knows what that one already sent before it reads a single request.
 */
public final class SentKeys {

    static final Set<String> SETTLED = Set.of("sent", "delivered", "suppressed", "dead_letter");

    private final String bootstrapServers;
    private final KafkaLogin login;
    private final Topic<String, MessageOutcome> outcomes;
    private final Set<String> keys = ConcurrentHashMap.newKeySet();

    public SentKeys(String bootstrapServers, KafkaLogin login, Topic<String, MessageOutcome> outcomes) {
        this.bootstrapServers = bootstrapServers;
        this.login = login;
        this.outcomes = outcomes;
    }

    public boolean settled(String key) {
        return keys.contains(key);
    }

    public void settle(String key) {
        keys.add(key);
    }

    /** Reads the outcomes topic from its beginning to its current end. */
    public void reload(Duration within) {
        Map<String, Object> properties = login.clientConfig(bootstrapServers);
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<String, MessageOutcome> consumer = new KafkaConsumer<>(properties,
                outcomes.keySerde().deserializer(), outcomes.valueSerde().deserializer())) {
            TopicToEnd.fromBeginning(consumer, outcomes.name(), within).readToEnd(within, records -> records.forEach(record -> {
                MessageOutcome outcome = record.value();
                if (outcome != null && SETTLED.contains(outcome.status())) {
                    keys.add(outcome.idempotencyKey());
                }
            }));
        }
    }
}
