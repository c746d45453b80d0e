package io.langnghe.ingest.intake;

import com.fasterxml.jackson.databind.JsonNode;
import io.langnghe.ingest.AgainstTheBroker;
import io.langnghe.testsupport.SharedInfrastructure;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.langnghe.ingest.Http.json;
import static io.langnghe.ingest.TestPetition.petition;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The broker is up but refuses the petition itself (here: larger than its topic takes) after the
 * contact key was acknowledged, or refuses the contact key. The answer comes from the producer's callback,
 * with no thread waiting for it: the resident still gets 503 problem+json with Retry-After, not a hang or a
 * 500, and nothing is filed (a petition is never sent before its key is stored); once the broker takes
 * records again, the next one is answered 202.
 */
@MicronautTest
class BrokerRefusesPetitionTest extends AgainstTheBroker {

    private static final Duration WITHIN = Duration.ofSeconds(10);

    @AfterEach
    void takeRecordsAgain() throws Exception {
        petitionLimit(AlterConfigOp.OpType.DELETE, "");
        limit(topics.contactKeys().name(), AlterConfigOp.OpType.DELETE, "");
    }

    @Test
    void aPetitionTheBrokerRefusesIsAnswered503AndNotFiled() throws Exception {
        long before = probe.count(topics.feedbackReceived().name(), WITHIN);
        petitionLimit(AlterConfigOp.OpType.SET, "64");

        HttpResponse<String> response = http.postJson("/api/feedback", petition()
                .with("name", "Trần Thị Bình").with("phone", "0901.234.567").with("consentToContact", true).json());

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        JsonNode problem = json(response);
        assertThat(problem.get("status").asInt()).isEqualTo(503);
        assertThat(problem.get("detail").asText()).contains("có thể đã lưu", "may have been stored");
        assertThat(problem.has("feedbackId")).isFalse();
        assertThat(probe.count(topics.feedbackReceived().name(), WITHIN)).isEqualTo(before);
    }

    @Test
    void aPetitionWhoseContactKeyTheBrokerRefusesIsAnswered503AndNotFiled() throws Exception {
        long before = probe.count(topics.feedbackReceived().name(), WITHIN);
        limit(topics.contactKeys().name(), AlterConfigOp.OpType.SET, "64");

        HttpResponse<String> response = http.postJson("/api/feedback", petition()
                .with("name", "Lê Văn Cường").with("phone", "0912.345.678").with("consentToContact", true).json());

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        assertThat(json(response).has("feedbackId")).isFalse();
        assertThat(probe.count(topics.feedbackReceived().name(), WITHIN)).isEqualTo(before);
    }

    @Test
    void theNextPetitionAfterARefusalIsAccepted() throws Exception {
        petitionLimit(AlterConfigOp.OpType.SET, "64");
        assertThat(http.postJson("/api/feedback", petition().json()).statusCode()).isEqualTo(503);
        petitionLimit(AlterConfigOp.OpType.DELETE, "");

        HttpResponse<String> response = http.postJson("/api/feedback", petition().text("Đèn đường ngõ 7 không sáng").json());

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(json(response).get("trackingCode").asText()).isNotBlank();
    }

    private void petitionLimit(AlterConfigOp.OpType op, String bytes) throws Exception {
        limit(topics.feedbackReceived().name(), op, bytes);
    }

    /** Sets or removes a topic's max.message.bytes, and returns once the broker applied it. */
    private static void limit(String name, AlterConfigOp.OpType op, String bytes) throws Exception {
        ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, name);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.kafkaBootstrapServers()))) {
            admin.incrementalAlterConfigs(Map.of(topic, List.of(new AlterConfigOp(
                    new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, bytes), op)))).all().get();
            Awaitility.await().atMost(WITHIN).until(() -> {
                ConfigEntry now = admin.describeConfigs(List.of(topic)).all().get().get(topic).get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG);
                return op == AlterConfigOp.OpType.SET ? now.value().equals(bytes) : now.isDefault();
            });
        }
    }
}
