package io.langnghe.notify.staff;

import io.langnghe.contracts.CaseState;
import io.langnghe.contracts.Topic;
import io.langnghe.contracts.kafka.KafkaLogin;
import io.langnghe.contracts.kafka.TopicToEnd;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * The ward's open cases now, read from the compacted {@code cases.v1} from its beginning to its end:
 * once a morning, for the digest, so it costs nothing per petition. Each is kept as the digest's few
 * fields only (see {@link OpenCase}).
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

    public Collection<OpenCase> read(Duration within) {
        Map<String, Object> properties = login.clientConfig(bootstrapServers);
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        Map<String, OpenCase> latest = new HashMap<>();
        try (KafkaConsumer<String, CaseState> consumer = new KafkaConsumer<>(properties, cases.keySerde().deserializer(),
                cases.valueSerde().deserializer())) {
            TopicToEnd.fromBeginning(consumer, cases.name(), within).readToEnd(within, records -> records.forEach(record -> {
                if (record.value() == null || !record.value().isOpen()) {
                    latest.remove(record.key());
                } else {
                    latest.put(record.key(), OpenCase.of(record.value()));
                }
            }));
        }
        return latest.values();
    }
}
