package io.langnghe.ingest.intake;

import com.fasterxml.jackson.databind.JsonNode;
import io.langnghe.access.Roles;
import io.langnghe.ingest.Http;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.generator.TokenGenerator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.langnghe.ingest.Http.json;
import static io.langnghe.ingest.TestPetition.petition;
import static org.assertj.core.api.Assertions.assertThat;

/** With no broker at the configured address, a petition is never answered 202: 503 and Retry-After, quickly. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KafkaDownTest {

    private EmbeddedServer server;
    private Http http;

    @BeforeAll
    void startWithoutKafka() {
        server = ApplicationContext.run(EmbeddedServer.class, Map.of(
                "micronaut.server.port", "-1",
                "kafka.bootstrap.servers", "127.0.0.1:" + closedPort(),
                "langnghe.topics-prefix", "tkafkadown",
                "langnghe.local-stack", "true"));
        http = new Http(server.getURI());
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void answers503WithRetryAfterWithinTenSeconds() {
        for (int attempt = 1; attempt <= 2; attempt++) {
            long start = System.nanoTime();

            HttpResponse<String> response = http.postJson("/api/feedback", petition().json(), "Idempotency-Key", "down-" + attempt);

            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(took).as("attempt %d took %s", attempt, took).isLessThan(Duration.ofSeconds(10));
            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.headers().firstValue("Retry-After")).hasValueSatisfying(seconds ->
                    assertThat(Integer.parseInt(seconds)).isPositive());
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type).startsWith("application/problem+json"));
            JsonNode problem = json(response);
            assertThat(problem.get("status").asInt()).isEqualTo(503);
            // Kafka may have stored it after all: the answer says so, and that the same key makes a retry safe
            assertThat(problem.get("detail").asText()).contains("có thể đã lưu", "CÙNG Idempotency-Key",
                    "may have been stored", "SAME Idempotency-Key", "will not be filed twice");
            assertThat(problem.has("feedbackId")).isFalse();
        }
    }

    @Test
    void stillRefusesBadInputWith400() {
        HttpResponse<String> response = http.postJson("/api/feedback", petition().without("text").json());

        assertThat(response.statusCode()).isEqualTo(400);
    }

    @Test
    void answersAMeetingBatch503SoItIsSentAgainWhole() {
        String token = server.getApplicationContext().getBean(TokenGenerator.class)
                .generateToken(Authentication.build("daibieu", List.of(Roles.DEPUTY)), 300).orElseThrow();

        HttpResponse<String> response = http.postJson("/api/batches", """
                {"meeting":{"kind":"voter_meeting","date":"2026-11-19","place":"Hội trường","chairedBy":"Đại biểu"},
                 "rows":[{"rowKey":"1","text":"Đường ngập khi mưa"}]}""", "Authorization", "Bearer " + token);

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        assertThat(json(response).get("detail").asText()).contains("CẢ đợt", "WHOLE batch");
    }

    @Test
    void reportsKafkaDownOnHealthButKeepsAnswering() {
        String token = server.getApplicationContext().getBean(TokenGenerator.class)
                .generateToken(Authentication.build("lanhdao", List.of(Roles.LEADER)), 300)
                .orElseThrow();
        long start = System.nanoTime();

        HttpResponse<String> anonymous = http.get("/health");
        HttpResponse<String> detailed = http.get("/health", "Authorization", "Bearer " + token);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        assertThat(anonymous.statusCode()).isEqualTo(503);
        assertThat(json(anonymous).get("status").asText()).isEqualTo("DOWN");
        assertThat(json(anonymous).has("details")).isFalse();
        assertThat(json(detailed).at("/details/kafka/status").asText()).isEqualTo("DOWN");
    }

    /** A port on 127.0.0.1 where nothing listens: bound for a moment by us, then released. */
    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
