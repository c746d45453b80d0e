package io.langnghe.search.indexing;

import io.langnghe.contracts.Topics;
import io.langnghe.contracts.kafka.KafkaLogin;
import io.langnghe.contracts.kafka.ServicePrincipal;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

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

    /**
     * The tools' connection (erase, reindex, seal-old-contacts), from the service's variables: with
     * KAFKA_SASL_PASSWORD, SCRAM as KAFKA_SASL_USERNAME (the operator's {@code admin} when unset) on
     * KAFKA_BOOTSTRAP_SERVERS; with only KAFKA_BOOTSTRAP_SERVERS, those servers as they are; with neither,
     * the local stack's SASL listener (LANGNGHE_KAFKA_SASL_PORT, 9094) as its admin
     * (LANGNGHE_SECRETS_KAFKA_ADMIN), not its login-free loopback listener.
     */
    public static KafkaSettings forTools(UnaryOperator<String> env) {
        String prefix = given(env, "LANGNGHE_TOPICS_PREFIX", "langnghe");
        String servers = env.apply("KAFKA_BOOTSTRAP_SERVERS");
        String password = env.apply("KAFKA_SASL_PASSWORD");
        if (password != null && !password.isBlank()) {
            return new KafkaSettings(Objects.requireNonNullElse(blankToNull(servers), "127.0.0.1:9092"), prefix,
                    KafkaLogin.scram(given(env, "KAFKA_SASL_USERNAME", ServicePrincipal.ADMIN.user()), password));
        }
        if (blankToNull(servers) != null) {
            return new KafkaSettings(servers, prefix, KafkaLogin.plaintext());
        }
        String adminPassword = given(env, ServicePrincipal.ADMIN.passwordVariable(), ServicePrincipal.LOCAL_STACK_PASSWORD);
        return new KafkaSettings("127.0.0.1:" + given(env, "LANGNGHE_KAFKA_SASL_PORT", "9094"), prefix,
                KafkaLogin.scram(ServicePrincipal.ADMIN.user(), adminPassword));
    }

    private static String given(UnaryOperator<String> env, String name, String fallback) {
        return Objects.requireNonNullElse(blankToNull(env.apply(name)), fallback);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
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
