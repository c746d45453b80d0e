package io.langnghe.notify.staff;

import io.langnghe.contracts.CaseState;
import io.langnghe.contracts.Topic;
import io.langnghe.contracts.kafka.KafkaLogin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The ward's open cases now, read from the compacted {@code cases.v1} from its beginning to its end:
 * once a morning, for the digest, so it costs nothing per petition.
 */
public final class OpenCases {

    private final String bootstrapServers;
    private final KafkaLogin login;
    private final Topic<String, CaseState> cases;

    public OpenCases(String bootstrapServers, KafkaLogin login, Topic<String, CaseState> cases) {
        this.bootstrapServers = bootstrapServers;
        this.login = login;
        this.cases = cases;
    }

    public Collection<CaseState> read(Duration within) {
        Map<String, Object> properties = login.clientConfig(bootstrapServers);
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        Map<String, CaseState> latest = new HashMap<>();
        try (KafkaConsumer<String, CaseState> consumer = new KafkaConsumer<>(properties, cases.keySerde().deserializer(),
                cases.valueSerde().deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(cases.name(), within).stream()
                    .map(p -> new TopicPartition(cases.name(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, within);
            long deadline = System.nanoTime() + within.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Could not read " + cases.name() + " within " + within);
                }
                for (ConsumerRecord<String, CaseState> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.value() == null || !record.value().isOpen()) {
                        latest.remove(record.key());
                    } else {
                        latest.put(record.key(), record.value());
                    }
                }
            }
        }
        return latest.values();
    }
}
