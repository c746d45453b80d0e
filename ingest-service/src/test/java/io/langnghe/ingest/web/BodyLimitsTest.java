package io.langnghe.ingest.web;

import io.langnghe.access.Roles;
import io.langnghe.contracts.TrackingCode;
import io.langnghe.ingest.Http;
import io.langnghe.ingest.Multipart;
import io.langnghe.ingest.TestIngest;
import io.langnghe.testsupport.SharedInfrastructure;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.generator.TokenGenerator;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each route's body limit is applied to the declared size before the body is read: 64 KiB for JSON
 * (petitions, SMS and Zalo webhooks, Open311, login), the batch limit (4 MiB) for a meeting's batch;
 * 413 problem+json in both languages. What is under a route's limit goes on to be checked as usual.
 */
@MicronautTest
@org.junit.jupiter.api.TestInstance(org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS)
class BodyLimitsTest implements TestPropertyProvider {

    private final String prefix = SharedInfrastructure.uniquePrefix();
    private Http http;

    @Inject
    EmbeddedServer server;

    @Inject
    TokenGenerator tokens;

    @Override
    public Map<String, String> getProperties() {
        SharedInfrastructure.createTopics(prefix);
        return TestIngest.properties(prefix);
    }

    @BeforeAll
    void connect() {
        http = new Http(server.getURI());
    }

    @ParameterizedTest(name = "{0} with {1} bytes → {2}")
    @CsvSource({
            "/api/feedback,          65537,   413",
            "/api/channels/sms,      65537,   413",
            "/open311/v2/requests.json, 65537, 413",
            "/api/login,             65537,   413",
            "/api/batches,           4194305, 413",
            "/api/batches,           65537,   401",
            "/api/feedback,          60000,   400"})
    void aBodyOverItsRoutesLimitIs413(String path, int size, int status) {
        byte[] body = ("{\"text\":\"" + "a".repeat(size - 11) + "\"}").getBytes(StandardCharsets.US_ASCII);
        String type = path.startsWith("/open311") ? "application/x-www-form-urlencoded" : "application/json";

        HttpResponse<String> response = http.postBytes(path, body, type);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        if (status == 413) {
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(response.body()).contains("Nội dung quá lớn / Body too large", "iB", "larger than");
        }
    }

    @ParameterizedTest(name = "{0} sent chunked, {1} bytes → 413 at {2}")
    @CsvSource({
            "/api/channels/sms,                  1048576,  64 KiB",
            "/api/channels/zalo,                 1048576,  64 KiB",
            "/open311/v2/requests.json,          1048576,  64 KiB",
            "/api/login,                         65536,    4 KiB",
            "/api/track/{code}/rating,           65536,    8 KiB",
            "/api/batches,                       5242880,  4 MiB",
            "/api/batches/csv,                   5242880,  4 MiB"})
    void everyRouteCountsAChunkedBodyAgainstItsOwnLimit(String path, int size, String limit) throws Exception {
        byte[] body = ("{\"text\":\"" + "a".repeat(size - 11) + "\"}").getBytes(StandardCharsets.US_ASCII);
        String type = path.startsWith("/open311") ? "application/x-www-form-urlencoded"
                : path.endsWith("/csv") ? "text/csv" : "application/json";

        HttpResponse<String> response = sendChunked(path.replace("{code}", TrackingCode.generate().display()), type, body,
                // past each gateway's first check, which needs no body: the secret, a signature, an operator
                "X-Langnghe-Webhook-Secret", "langnghe-demo",
                "X-ZEvent-Signature", "mac=0",
                "Authorization", "Bearer " + tokens.generateToken(Authentication.build("totruong.tdp-01", List.of(Roles.GROUP_LEADER)), 600).orElseThrow());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(response.body()).contains("Nội dung quá lớn / Body too large", limit);
    }

    @Test
    void aChunkedPetitionWithPhotosOverTheServersLimitIs413() throws Exception {
        byte[] photo = new byte[17 * 1024 * 1024];
        Multipart form = new Multipart().field("text", "Ảnh ổ gà đường Lê Lợi").field("channel", "web")
                .file("photos", "o-ga.jpg", "image/jpeg", photo);

        HttpResponse<String> response = sendChunked("/api/feedback", form.contentType(), form.bytes());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(response.body()).contains("Nội dung quá lớn / Body too large", "16 MiB");
    }

    /** From an InputStream the client sends Transfer-Encoding: chunked, with no Content-Length to check first. */
    private HttpResponse<String> sendChunked(String path, String type, byte[] body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.getURI().resolve(path))
                .header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @ParameterizedTest(name = "a chunked petition of {0} bytes → {1}")
    @CsvSource({
            "1048576, 413",
            "60000,   400"})
    void aBodyWithoutADeclaredSizeIsCountedAsItStreams(int size, int status) throws Exception {
        byte[] body = ("{\"text\":\"" + "a".repeat(size - 11) + "\"}").getBytes(StandardCharsets.US_ASCII);
        // from an InputStream the client sends Transfer-Encoding: chunked, with no Content-Length to check first
        HttpRequest request = HttpRequest.newBuilder(server.getURI().resolve("/api/feedback"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();

        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        if (status == 413) {
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(response.body()).contains("Nội dung quá lớn / Body too large", "64 KiB");
        }
    }
}
