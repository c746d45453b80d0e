package io.langnghe.ingest.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.langnghe.contracts.TrackingCode;
import io.langnghe.ingest.FakeSearchService;
import io.langnghe.ingest.Http;
import io.langnghe.ingest.TestIngest;
import io.langnghe.ingest.TestPhotos;
import io.langnghe.localstack.Ports;
import io.langnghe.testsupport.SharedInfrastructure;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpResponse;
import java.util.Map;

import static io.langnghe.ingest.Http.json;
import static io.langnghe.ingest.TestPetition.petition;
import static org.assertj.core.api.Assertions.assertThat;

/** The resident pages over plain HTTP: files, headers, the area list and the tracking read-through. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResidentPagesTest implements TestPropertyProvider {

    private final int port = Ports.free();
    private Http http;

    @Inject
    EmbeddedServer server;

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

    @ParameterizedTest
    @ValueSource(strings = {"/", "/index.html", "/track.html", "/tong-dai.html", "/assets/i18n.js", "/assets/petition.js",
            "/assets/similar.js", "/assets/hotline.js", "/assets/langnghe.css", "/answers.html", "/assets/answers.js"})
    void servesThePagesToAnyoneWithSecurityHeaders(String path) {
        HttpResponse<String> response = http.get(path);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("script-src 'self'", "frame-ancestors 'none'").doesNotContain("unsafe-inline", "http"));
        assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(response.headers().firstValue("Referrer-Policy")).contains("no-referrer");
    }

    @Test
    void pagesHaveNoInlineScriptAndNoOutsideResources() {
        for (String page : new String[] {"/", "/track.html", "/tong-dai.html", "/answers.html"}) {
            String html = http.get(page).body();
            assertThat(html).doesNotContainPattern("<script(?![^>]*\\ssrc=)").doesNotContain("onclick", "style=", "https://");
        }
        assertThat(http.get("/assets/petition.js").body()).doesNotContain("innerHTML");
        assertThat(http.get("/assets/track.js").body()).doesNotContain("innerHTML");
        assertThat(http.get("/assets/i18n.js").body()).doesNotContain("innerHTML");
        assertThat(http.get("/assets/similar.js").body()).doesNotContain("innerHTML");
        assertThat(http.get("/assets/answers.js").body()).doesNotContain("innerHTML", "insertAdjacentHTML", "document.write");
        assertThat(http.get("/assets/hotline.js").body()).doesNotContain("innerHTML", "localStorage");
    }

    @Test
    void listsTheWardsResidentialGroupsInBothLanguages() {
        HttpResponse<String> response = http.get("/api/areas");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode areas = json(response);
        // the merged ward: the former town's 20 tổ dân phố and the 41 thôn and khu phố of the former communes
        assertThat(areas).hasSize(61);
        assertThat(areas.get(4).get("code").asText()).isEqualTo("tdp-05");
        assertThat(areas.get(4).get("vi").asText()).isEqualTo("Tổ dân phố 5");
        assertThat(areas.get(4).get("en").asText()).isEqualTo("Residential group 5");
        assertThat(areas.findValuesAsText("vi")).contains("Thôn Hiền Thư", "Khu phố Phù Lưu");
        assertThat(areas.findValuesAsText("formerUnit")).contains("dong-hoa", "dong-tan", "rung-thong");
    }

    @Test
    void readsThePublicStatusThroughFromSearchServiceAndNothingElse() {
        String code = TrackingCode.generate().display();
        FakeSearchService.knows(code, """
                {"trackingCode":"%s","status":"answered","department":{"code":"cong_an","vi":"Công an phường","en":"Ward police"},
                 "dueAt":"2026-12-01T10:00:00Z","publicAnswer":"Đã xử lý.","text":"the resident's words","contact":{"phone":"+84912345678"}}"""
                .formatted(code));

        HttpResponse<String> response = http.get("/api/track/" + code.toLowerCase().replace("-", ""));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode view = json(response);
        assertThat(view.get("trackingCode").asText()).isEqualTo(code);
        assertThat(view.get("status").asText()).isEqualTo("answered");
        assertThat(view.get("department").get("vi").asText()).isEqualTo("Công an phường");
        assertThat(view.get("dueAt").asText()).isEqualTo("2026-12-01T10:00:00Z");
        assertThat(view.get("publicAnswer").asText()).isEqualTo("Đã xử lý.");
        assertThat(response.body()).doesNotContain("resident's words", "+8491");
    }

    @Test
    void passesARatingOnWithItsThreeFieldsOnlyAndSearchServicesRefusalAsItIs() {
        String answered = TrackingCode.generate().display();
        FakeSearchService.knows(answered, """
                {"trackingCode":"%s","status":"resolved","rating":{"stars":5,"fixed":true,"ratedAt":"2026-11-20T08:00:00Z"}}"""
                .formatted(answered));
        String inProgress = TrackingCode.generate().display();
        FakeSearchService.knows(inProgress, """
                {"trackingCode":"%s","status":"in_progress"}""".formatted(inProgress));

        HttpResponse<String> accepted = http.postJson("/api/track/" + answered + "/rating",
                "{\"stars\":3,\"fixed\":false,\"comment\":\"Vẫn ngập\",\"caseId\":\"someone-elses\"}");

        assertThat(accepted.statusCode()).isEqualTo(202);
        assertThat(json(accepted).get("trackingCode").asText()).isEqualTo(answered);
        assertThat(FakeSearchService.lastRating()).contains("\"stars\":3", "\"fixed\":false", "Vẫn ngập").doesNotContain("someone-elses");
        assertThat(json(http.get("/api/track/" + answered)).get("rating").get("stars").asInt()).isEqualTo(5);

        HttpResponse<String> notYet = http.postJson("/api/track/" + inProgress + "/rating", "{\"stars\":3,\"fixed\":true}");
        assertThat(notYet.statusCode()).isEqualTo(409);
        assertThat(notYet.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json(notYet).get("title").asText()).isEqualTo("Chưa thể đánh giá / Not yet answered");

        HttpResponse<String> malformed = http.postJson("/api/track/" + answered + "/rating", "{\"stars\":");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(json(malformed).get("errors").get(0).get("field").asText()).isEqualTo("body");
        String code = TrackingCode.generate().value();
        HttpResponse<String> mistyped = http.postJson("/api/track/" + code.substring(0, 3) + (code.charAt(3) == 'A' ? 'B' : 'A')
                + code.substring(4) + "/rating", "{\"stars\":3,\"fixed\":true}");
        assertThat(mistyped.statusCode()).isEqualTo(400);
        assertThat(json(mistyped).get("errors").get(0).get("field").asText()).isEqualTo("code");
    }

    @Test
    void readsThePublicListThroughWithItsFiltersKeepingOnlyPublicFields() {
        String code = java.util.UUID.randomUUID().toString();
        String trackingCode = TrackingCode.generate().display();
        FakeSearchService.lists("""
                {"publicId":"%s","status":"resolved","open":false,"area":{"code":"tdp-11","vi":"Tổ dân phố 11","en":"Residential group 11"},
                 "text":"Đèn hỏng","publicAnswer":"Đã thay.","receivedAt":"2026-11-20T01:00:00Z","updatedAt":"2026-11-21T01:00:00Z",
                 "contact":{"phone":"+84912345678"},"caseId":"case-1","trackingCode":"%s"}""".formatted(code, trackingCode));

        HttpResponse<String> response = http.get("/api/public/requests?status=answered,resolved&area=tdp-11&size=5&page=0&secret=1");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode item = json(response).get("items").get(0);
        assertThat(item.get("publicId").asText()).isEqualTo(code);
        assertThat(item.get("publicAnswer").asText()).isEqualTo("Đã thay.");
        assertThat(response.body()).doesNotContain("+8491", "case-1", "contact", trackingCode, "trackingCode");
        assertThat(FakeSearchService.lastPublicQuery()).contains("status=answered%2Cresolved", "area=tdp-11", "size=5", "page=0")
                .doesNotContain("secret");
    }

    @Test
    void passesTheAnswersPhotoOfProofThroughAndNothingElse() throws Exception {
        String code = TrackingCode.generate().display();
        String ref = "sha256-" + "ab".repeat(32) + ".png";
        byte[] png = TestPhotos.png();
        FakeSearchService.knows(code, """
                {"trackingCode":"%s","status":"answered","publicAnswer":"Đã nạo vét.",
                 "answerPhotos":[{"ref":"%s","contentType":"image/png"},{"ref":"../../etc/passwd","contentType":"text/plain"}]}"""
                .formatted(code, ref));
        FakeSearchService.showsPhoto(code, ref, png);

        JsonNode view = json(http.get("/api/track/" + code));
        java.net.http.HttpResponse<byte[]> photo = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(http.base().resolve("/api/track/" + code + "/photos/" + ref)).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());

        assertThat(view.get("answerPhotos")).as("only references the store could have made").hasSize(1);
        assertThat(view.get("answerPhotos").get(0).get("ref").asText()).isEqualTo(ref);
        assertThat(photo.statusCode()).isEqualTo(200);
        assertThat(photo.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(photo.body()).isEqualTo(png);
        assertThat(http.get("/api/track/" + code + "/photos/sha256-" + "cd".repeat(32) + ".jpg").statusCode()).isEqualTo(404);
        assertThat(http.get("/api/track/" + code + "/photos/passwd").statusCode()).isEqualTo(404);
    }

    @Test
    void keepsSearchServicesNotFoundA404() {
        HttpResponse<String> response = http.get("/api/track/" + TrackingCode.generate().display());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json(response).get("title").asText()).isEqualTo("Không tìm thấy mã tra cứu / Tracking code not found");
    }

    @Test
    void catchesAMistypedCodeWithoutAskingSearchService() {
        String code = TrackingCode.generate().value();
        char wrong = code.charAt(3) == 'A' ? 'B' : 'A';

        HttpResponse<String> response = http.get("/api/track/" + code.substring(0, 3) + wrong + code.substring(4));

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode problem = json(response);
        assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("code");
        assertThat(problem.get("errors").get(0).get("message_en").asText()).contains("not valid");
    }

    @Test
    void answers503WhenSearchServiceIsDown() {
        try (EmbeddedServer alone = ApplicationContext.run(EmbeddedServer.class, Map.of(
                "micronaut.server.port", "-1",
                "kafka.bootstrap.servers", SharedInfrastructure.kafkaBootstrapServers(),
                "langnghe.local-stack", "true",
                "langnghe.search-url", "http://127.0.0.1:" + Ports.free()))) {

            HttpResponse<String> response = new Http(alone.getURI()).get("/api/track/" + TrackingCode.generate().display());

            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.headers().firstValue("Retry-After")).isPresent();
            assertThat(json(response).get("title").asText()).contains(" / ");
            HttpResponse<String> list = new Http(alone.getURI()).get("/api/public/requests");
            assertThat(list.statusCode()).isEqualTo(503);
            assertThat(list.headers().firstValue("Retry-After")).isPresent();
        }
    }

    @Test
    void servesItsOpenApiDescriptionToAnyone() {
        HttpResponse<String> response = http.get("/swagger/ingest.yml");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).startsWith("openapi: 3").contains("/api/feedback:", "/api/batches/csv:",
                "/api/channels/sms:", "/api/channels/zalo:", "/api/track/{code}:", "/open311/v2/{file}:", "/api/public/requests:");
    }

    @Test
    void keepsTheFeedbackEndpointWorkingForTheWebPage() {
        HttpResponse<String> response = http.postJson("/api/feedback", petition().with("phone", "0912 345 678").json());

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.headers().firstValue("Content-Security-Policy")).isPresent();
    }
}
