package io.langnghe.search.indexing;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the tools (erase, reindex, seal-old-contacts) reach Kafka: on the local stack they log in with
 * SCRAM as the operator's admin on the SASL listener instead of using the login-free loopback one; a
 * deployment names its servers and login; a broker given without a login is used as given.
 */
class ToolsKafkaLoginTest {

    @Test
    void onTheLocalStackAToolLogsInAsTheAdminOnTheSaslListener() {
        KafkaSettings kafka = KafkaSettings.forTools(Map.of("LANGNGHE_KAFKA_SASL_PORT", "19094")::get);

        assertThat(kafka.bootstrapServers()).isEqualTo("127.0.0.1:19094");
        assertThat(kafka.connection()).containsEntry("security.protocol", "SASL_PLAINTEXT").containsEntry("sasl.mechanism", "SCRAM-SHA-512");
        assertThat((String) kafka.connection().get("sasl.jaas.config")).contains("username=\"admin\"", "password=\"langnghe-demo\"");
    }

    @Test
    void aDeploymentsLoginIsUsedAsGiven() {
        KafkaSettings kafka = KafkaSettings.forTools(Map.of("KAFKA_BOOTSTRAP_SERVERS", "kafka:9094",
                "KAFKA_SASL_USERNAME", "search-service", "KAFKA_SASL_PASSWORD", "s3cret-of-the-ward")::get);

        assertThat(kafka.bootstrapServers()).isEqualTo("kafka:9094");
        assertThat((String) kafka.connection().get("sasl.jaas.config")).contains("username=\"search-service\"", "password=\"s3cret-of-the-ward\"");
    }

    @Test
    void aBrokerGivenWithoutALoginIsUsedAsItIs() {
        KafkaSettings kafka = KafkaSettings.forTools(Map.of("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092")::get);

        assertThat(kafka.connection()).containsEntry("security.protocol", "PLAINTEXT").doesNotContainKey("sasl.jaas.config");
    }
}
