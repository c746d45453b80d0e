package io.langnghe.search.indexing;

import io.langnghe.contracts.Topics;
import io.langnghe.contracts.kafka.KafkaLogin;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.util.Map;

/** The broker and the topic names of this deployment (the prefix isolates tests and wards). */
@Singleton
public class KafkaSettings {

    private final String bootstrapServers;
    private final String topicsPrefix;
    private final Topics topics;
    private final KafkaLogin login;

    public KafkaSettings(@Value("${kafka.bootstrap.servers}") String bootstrapServers,
                         @Value("${langnghe.topics-prefix:langnghe}") String topicsPrefix, KafkaLogin login) {
        this.bootstrapServers = bootstrapServers;
        this.login = login;
        this.topicsPrefix = topicsPrefix;
        this.topics = Topics.withPrefix(topicsPrefix);
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Bootstrap servers and this service's login: the start of every client's configuration. */
    public Map<String, Object> connection() {
        return login.clientConfig(bootstrapServers);
    }

    public Topics topics() {
        return topics;
    }

    /** One consumer group per deployment: replicas share the partitions of cases.v1. */
    public String indexerGroupId() {
        return topicsPrefix + ".search-service";
    }
}
