package io.langnghe.search.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.langnghe.contracts.Json;
import io.langnghe.search.Login;
import io.langnghe.search.SharedStack;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every body of search-service meets its route's limit before it is buffered: 64 KiB for JSON (login,
 * actions, ratings, erasures), the server's 8 MiB for an officer's photo. A body sent chunked, with no
 * length to judge first, is refused with 413 problem+json as soon as it passes the limit; one within
 * the limit reaches its route whole.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BodyLimitsTest implements TestPropertyProvider {

    private final SharedStack stack = new SharedStack();

    @Inject
    EmbeddedServer server;

    @Inject
    @Client("/")
    HttpClient client;

    @Override
    public Map<String, String> getProperties() {
        return stack.properties();
    }

    @AfterAll
    void close() {
        stack.close();
    }

    @ParameterizedTest(name = "{0} sent chunked past 64 KiB → 413")
    @ValueSource(strings = {"/login", "/api/cases/no-such-case/actions", "/api/track/K7MX-Q2PA-9P/rating",
            "/api/alerts/no-such-alert/ack", "/api/admin/erasures"})
    void aChunkedJsonBodyIsRefusedOnceItPassesItsLimit(String path) throws Exception {
        byte[] body = ("{\"username\":\"" + "a".repeat(1024 * 1024) + "\"}").getBytes(StandardCharsets.US_ASCII);

        HttpResponse<String> response = chunked(path, "application/json", body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(response.body()).contains("Nội dung quá lớn / Body too large", "64 KiB");
    }

    @Test
    void aChunkedLoginWithinTheLimitReachesTheLoginWhole() throws Exception {
        byte[] body = Json.mapper().writeValueAsBytes(Map.of("username", "lanhdao", "password", Login.DEMO_PASSWORD));

        HttpResponse<String> response = chunked("/login", "application/json", body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode answer = Json.mapper().readTree(response.body());
        assertThat(answer.path("access_token").asText()).isNotBlank();
    }

    @Test
    void aDeclaredJsonBodyOverItsLimitIsRefusedBeforeItIsRead() {
        byte[] body = ("{\"username\":\"" + "a".repeat(65536) + "\"}").getBytes(StandardCharsets.US_ASCII);
        HttpRequest request = HttpRequest.newBuilder(server.getURI().resolve("/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();

        HttpResponse<String> response = send(request);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(response.body()).contains("Nội dung quá lớn / Body too large", "64 KiB");
    }

    @Test
    void aChunkedPhotoPastTheServersLimitIs413() throws Exception {
        String boundary = "langnghe-limit-test";
        ByteArrayOutputStream form = new ByteArrayOutputStream();
        form.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"big.jpg\"\r\n"
                + "Content-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        form.writeBytes(new byte[9 * 1024 * 1024]);
        form.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        String officer = Login.token(client, "canbo.kinh_te_ha_tang_do_thi");

        HttpResponse<String> response = chunked("/api/cases/no-such-case/photos", "multipart/form-data; boundary=" + boundary,
                form.toByteArray(), "Authorization", "Bearer " + officer);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(response.body()).contains("Nội dung quá lớn / Body too large", "8 MiB");
    }

    /** From an InputStream the client sends Transfer-Encoding: chunked, with no Content-Length. */
    private HttpResponse<String> chunked(String path, String type, byte[] body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.getURI().resolve(path))
                .header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return java.net.http.HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
