package io.langnghe.ingest.similar;

import com.fasterxml.jackson.databind.JsonNode;
import io.langnghe.access.Roles;
import io.langnghe.contracts.TrackingCode;
import io.langnghe.ingest.FakeSearchService;
import io.langnghe.ingest.Http;
import io.langnghe.ingest.TestIngest;
import io.langnghe.localstack.Ports;
import io.langnghe.testsupport.SharedInfrastructure;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.generator.TokenGenerator;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static io.langnghe.ingest.Http.json;
import static io.langnghe.ingest.TestPetition.petition;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * GET /api/similar and POST /api/login read through to search-service's HTTP API, here the
 * {@link FakeSearchService} test controller; the hotline petition then goes to the real broker.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SimilarAndLoginProxyTest implements TestPropertyProvider {

    private static final String WORDS = "Cống thoát nước ngõ 5 bị tắc, nước tràn ra đường";

    private final int port = Ports.free();
    private Http http;

    @Inject
    EmbeddedServer server;

    @Inject
    TokenGenerator tokens;

    @Override
    public Map<String, String> getProperties() {
        String prefix = SharedInfrastructure.uniquePrefix();
        SharedInfrastructure.createTopics(prefix);
        return TestIngest.withFakeSearch(prefix, port);
    }

    @BeforeAll
    void connect() {
        http = new Http(server.getURI());
    }

    @Test
    void showsResidentsTheOpenLookAlikeCasesWithoutText() {
        HttpResponse<String> response = http.get(similar("tdp-05", WORDS));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
        JsonNode item = json(response).get("items").get(0);
        assertThat(item.get("publicId").asText()).isEqualTo(FakeSearchService.SIMILAR_PUBLIC_ID);
        assertThat(item.has("trackingCode")).as("the tracking code is the resident's secret").isFalse();
        assertThat(item.get("status").asText()).isEqualTo("in_progress");
        assertThat(item.get("category").get("vi").asText()).isEqualTo("Môi trường");
        assertThat(item.has("snippet")).isFalse();
        assertThat(item.has("caseId")).isFalse();
        assertThat(FakeSearchService.lastSimilarAuthorization()).isEmpty();
        assertThat(FakeSearchService.lastSimilarQuery()).isEqualTo("tdp-05|" + WORDS + "|5");
    }

    @Test
    void passesTheOperatorsTokenOnAndShowsSnippets() {
        String bearer = "Bearer " + tokens.generateToken(Authentication.build("tongdai", List.of(Roles.OPERATOR)), 600).orElseThrow();

        HttpResponse<String> response = http.get(similar("TDP-05", WORDS) + "&size=3", "Authorization", bearer);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode item = json(response).get("items").get(0);
        assertThat(item.get("snippet").asText()).startsWith("Cống thoát nước");
        assertThat(item.get("caseId").asText()).isEqualTo("c-42");
        assertThat(item.get("trackingCode").asText()).isEqualTo(FakeSearchService.SIMILAR_CODE);
        assertThat(FakeSearchService.lastSimilarAuthorization()).isEqualTo(bearer);
        assertThat(FakeSearchService.lastSimilarQuery()).isEqualTo("tdp-05|" + WORDS + "|3");
    }

    @Test
    void refusesAMissingAreaOrTextWithoutAskingSearch() {
        String before = FakeSearchService.lastSimilarQuery();

        HttpResponse<String> response = http.get("/api/similar?area=tdp-99&size=99");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json(response).get("errors")).extracting(error -> error.get("field").asText()).containsExactlyInAnyOrder("area", "text", "size");
        assertThat(json(response).get("errors").get(0).get("message_en").asText()).isNotBlank();
        assertThat(FakeSearchService.lastSimilarQuery()).isEqualTo(before);
    }

    @Test
    void signsAnOperatorInAtSearchServiceAndTheTokenFilesHotlineCalls() {
        HttpResponse<String> login = http.postJson("/api/login", """
                {"username":"tongdai","password":"langnghe-demo"}""");

        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        assertThat(login.headers().firstValue("Cache-Control")).contains("no-store");
        String token = json(login).get("access_token").asText();
        HttpResponse<String> call = http.postJson("/api/feedback",
                petition().channel("hotline").with("caseRef", TrackingCode.generate().display()).json(),
                "Authorization", "Bearer " + token);
        assertThat(call.statusCode()).as(call.body()).isEqualTo(202);
        assertThat(json(call).get("trackingCode").asText()).isNotBlank();
    }

    @Test
    void tellsSearchServiceWhoIsLoggingInSoItLimitsThatAddressAndNotIngestService() {
        HttpResponse<String> login = http.postJson("/api/login", """
                {"username":"tongdai","password":"guess"}""", "X-Forwarded-For", "203.0.113.9");

        assertThat(login.statusCode()).isEqualTo(401);
        // the test client is not a trusted proxy of ingest-service: its own header is not believed
        assertThat(FakeSearchService.lastLoginForwardedFor()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
    }

    @Test
    void refusesAWrongPasswordInBothLanguages() {
        HttpResponse<String> login = http.postJson("/api/login", """
                {"username":"tongdai","password":"guess"}""");

        assertThat(login.statusCode()).isEqualTo(401);
        assertThat(json(login).get("title").asText()).contains("Sai tên đăng nhập", " / ", "Wrong username");
        assertThat(login.body()).doesNotContain("access_token");
    }

    @Test
    void saysSimilarCasesAreUnavailableWhenSearchIsDown() {
        try (EmbeddedServer alone = ApplicationContext.run(EmbeddedServer.class, Map.of(
                "kafka.bootstrap.servers", SharedInfrastructure.kafkaBootstrapServers(),
                "langnghe.local-stack", "true",
                "langnghe.search-url", "http://127.0.0.1:" + Ports.free()))) {
            HttpResponse<String> response = new Http(alone.getURI()).get(similar("tdp-05", WORDS));

            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.headers().firstValue("Retry-After")).isPresent();
            assertThat(json(response).get("title").asText()).contains(" / ");
        }
    }

    private static String similar(String area, String text) {
        return "/api/similar?area=" + area + "&text=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
