package io.langnghe.routing.rules;

import io.langnghe.contracts.RoutingRule;
import io.langnghe.contracts.Topic;
import io.langnghe.contracts.Topics;
import io.langnghe.contracts.kafka.KafkaLogin;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * Writes routing rules to the compacted {@code routing.rules.v1} (a null value removes one), waiting
 * for the broker's acknowledgement, so that an administrator's answer means the rule is stored.
 */
@Singleton
public class RulePublisher {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final Topic<String, RoutingRule> topic;
    private final Map<String, Object> connection;
    private final KafkaProducer<String, byte[]> producer;

    RulePublisher(Topics topics, @Value("${kafka.bootstrap.servers}") String bootstrapServers, KafkaLogin login) {
        this.topic = topics.routingRules();
        this.connection = login.clientConfig(bootstrapServers);
        Map<String, Object> config = new HashMap<>(connection);
        config.putAll(Map.of(
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) WAIT.toMillis()));
        this.producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    public void publish(RoutingRule rule) {
        send(rule.ruleId(), topic.valueSerde().serializer().serialize(topic.name(), rule));
    }

    public void remove(String ruleId) {
        send(ruleId, null);
    }

    /** Whether nothing was ever written to the topic: the first start, when the defaults are seeded. */
    boolean neverWritten() {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(connection, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic.name(), WAIT).stream()
                    .map(info -> new TopicPartition(topic.name(), info.partition())).toList();
            return consumer.endOffsets(partitions, WAIT).values().stream().allMatch(end -> end == 0);
        }
    }

    private void send(String ruleId, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(topic.name(), ruleId, value)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing rule " + ruleId, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot write rule " + ruleId + " to " + topic.name() + ": " + e.getCause().getMessage(), e);
        }
    }

    @PreDestroy
    void close() {
        producer.close(WAIT);
    }
}
