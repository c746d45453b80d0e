package io.langnghe.search.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import io.langnghe.contracts.Alert;
import io.langnghe.contracts.AlertAck;
import io.langnghe.contracts.Json;
import io.langnghe.contracts.Category;
import io.langnghe.search.Login;
import io.langnghe.search.SharedStack;
import io.langnghe.testsupport.SharedInfrastructure;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Alerts from alerts.v1 are listed open first by risk; acknowledging one moves it down and keeps who did. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // the first test asserts the order before any acknowledgement
class AlertsTest implements TestPropertyProvider {

    private static final String INFRASTRUCTURE = "kinh_te_ha_tang_do_thi";
    private final SharedStack stack = new SharedStack();

    @Inject
    @Client("/")
    HttpClient client;

    private String leader;
    private String officer;
    private String policeOfficer;
    private Alert spike;
    private Alert cluster;
    private Alert police;

    @Override
    public Map<String, String> getProperties() {
        return stack.properties();
    }

    @BeforeAll
    void raiseAlerts() throws Exception {
        leader = Login.token(client, "lanhdao");
        officer = Login.token(client, "canbo." + INFRASTRUCTURE);
        policeOfficer = Login.token(client, "canbo.cong_an");
        // alert                                department       risk
        spike = alert("spike:tdp-05:moi_truong", INFRASTRUCTURE, 60);
        cluster = alert("cluster:c-1", INFRASTRUCTURE, 85);
        police = alert("case:c-2", "cong_an", 70);
        for (Alert alert : List.of(spike, cluster, police)) {
            stack.publish(alert);
        }
        stack.publish(cluster); // a replay changes nothing
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> list(leader).path("total").asLong() == 3);
    }

    @AfterAll
    void close() {
        stack.close();
    }

    @Test
    @Order(1)
    void leadersSeeEveryAlertByRiskOfficersTheirDepartmentsAndAnAckMovesItDown() {
        assertThat(ids(list(leader))).containsExactly(cluster.alertId(), police.alertId(), spike.alertId());
        JsonNode first = list(leader).path("items").get(0);
        assertThat(first.path("reasons").get(0).path("code").asText()).isEqualTo("duplicates");
        assertThat(first.path("caseIds").get(0).asText()).isEqualTo("c-1");
        assertThat(ids(list(officer))).containsExactly(cluster.alertId(), spike.alertId());
        assertThat(status(HttpRequest.POST("/api/alerts/" + cluster.alertId() + "/ack", "").bearerAuth(policeOfficer))).isEqualTo(404);

        JsonNode acked = client.toBlocking().retrieve(
                HttpRequest.POST("/api/alerts/" + cluster.alertId() + "/ack", "").bearerAuth(officer), JsonNode.class);

        assertThat(acked.path("acknowledged").asBoolean()).isTrue();
        assertThat(acked.path("acknowledgedBy").asText()).isEqualTo("canbo." + INFRASTRUCTURE);
        assertThat(ids(list(leader))).containsExactly(police.alertId(), spike.alertId(), cluster.alertId());
        JsonNode again = client.toBlocking().retrieve(
                HttpRequest.POST("/api/alerts/" + cluster.alertId() + "/ack", "").bearerAuth(leader), JsonNode.class);
        assertThat(again.path("acknowledgedBy").asText()).as("the first acknowledgement stays").isEqualTo("canbo." + INFRASTRUCTURE);
        assertThat(status(HttpRequest.POST("/api/alerts/no-such-alert/ack", "").bearerAuth(leader))).isEqualTo(404);
        assertThat(status(HttpRequest.GET("/api/alerts?size=1000").bearerAuth(leader))).isEqualTo(400);
    }

    @Test
    @Order(2)
    void anAcknowledgementLandsOnTheAlertAcksTopicKeyedByTheSubjectBeforeTheAnswer() throws Exception {
        Instant before = Instant.now();

        client.toBlocking().retrieve(HttpRequest.POST("/api/alerts/" + spike.alertId() + "/ack", "").bearerAuth(leader), JsonNode.class);

        // Read at once, with no waiting: the answer came only after Kafka had the acknowledgement.
        List<ConsumerRecord<String, String>> acks = SharedInfrastructure.topicProbe()
                .readAll(stack.topics().alertAcks().name(), Duration.ofSeconds(10)).stream()
                .filter(r -> r.value().contains(spike.alertId()))
                .toList();
        assertThat(acks).hasSize(1);
        assertThat(acks.get(0).key()).isEqualTo("spike:tdp-05:moi_truong");
        AlertAck ack = Json.mapper().readValue(acks.get(0).value(), AlertAck.class);
        assertThat(ack.schemaVersion()).isEqualTo(AlertAck.SCHEMA_VERSION);
        assertThat(ack.alertId()).isEqualTo(spike.alertId());
        assertThat(ack.subject()).isEqualTo(spike.subject());
        assertThat(ack.level()).isEqualTo("warning");
        assertThat(ack.username()).isEqualTo("lanhdao");
        assertThat(ack.role()).isEqualTo("LEADER");
        assertThat(ack.acknowledgedAt()).isBetween(before.minusSeconds(1), Instant.now());

        client.toBlocking().retrieve(HttpRequest.POST("/api/alerts/" + spike.alertId() + "/ack", "").bearerAuth(leader), JsonNode.class);
        assertThat(SharedInfrastructure.topicProbe().readAll(stack.topics().alertAcks().name(), Duration.ofSeconds(10)).stream()
                .filter(r -> r.value().contains(spike.alertId()))).as("acknowledged once").hasSize(1);
    }

    private static Alert alert(String subject, String department, int risk) {
        return new Alert(Alert.SCHEMA_VERSION, "alert-" + UUID.randomUUID(), subject, "warning", risk,
                List.of(new Alert.Reason("duplicates", "3 người cùng báo một việc trong 2 ngày", 40)),
                List.of(subject.substring(subject.indexOf(':') + 1)), department, "tdp-05", Category.MOI_TRUONG,
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    private JsonNode list(String token) {
        return client.toBlocking().retrieve(HttpRequest.GET("/api/alerts").bearerAuth(token), JsonNode.class);
    }

    private int status(HttpRequest<?> request) {
        try {
            return client.toBlocking().exchange(request, String.class).getStatus().getCode();
        } catch (HttpClientResponseException e) {
            return e.getStatus().getCode();
        }
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("items").forEach(item -> ids.add(item.path("alertId").asText()));
        return ids;
    }
}
