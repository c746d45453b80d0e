package io.langnghe.search;

import com.fasterxml.jackson.databind.JsonNode;
import io.langnghe.contracts.Alert;
import io.langnghe.contracts.CaseState;
import io.langnghe.contracts.CaseStatus;
import io.langnghe.contracts.Category;
import io.langnghe.contracts.FeedbackReceived;
import io.langnghe.contracts.TrackingCode;
import io.langnghe.photos.DirectoryPhotoStore;
import io.langnghe.photos.Photo;
import io.langnghe.photos.PhotoKind;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/**
 * Every role against every endpoint of search-service, and the status each must get. The case is
 * the infrastructure department's (officer A's); officer B works for the police.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoleMatrixTest implements TestPropertyProvider {

    /** Column order of the table below; "anonymous" sends no token. */
    private static final List<String> ROLES = List.of(
            "anonymous", "LEADER", "OFFICER_A", "OFFICER_B", "OPERATOR", "GROUP_LEADER", "DEPUTY", "ADMIN");
    private static final Map<String, String> ACCOUNTS = Map.of(
            "LEADER", "lanhdao", "OFFICER_A", "canbo.kinh_te_ha_tang_do_thi", "OFFICER_B", "canbo.cong_an",
            "OPERATOR", "tongdai", "GROUP_LEADER", "totruong.tdp-01", "DEPUTY", "daibieu", "ADMIN", "quantri");

    private final SharedStack stack = new SharedStack();
    private final Map<String, String> tokens = new LinkedHashMap<>();

    @Inject
    @Client("/")
    HttpClient client;

    private CaseState drain;
    private Alert alert;
    private CaseState answered;

    private final Path photoDirectory = photoDirectory();
    private byte[] proof;
    private String petitionPhoto;
    private String answerPhoto;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(stack.properties());
        properties.put("langnghe.photos.directory", photoDirectory.toString());
        // no notification-service here: whoever may read a case's messages gets 503, the others their refusal
        properties.put("langnghe.notify-url", "http://127.0.0.1:1");
        return properties;
    }

    private static Path photoDirectory() {
        try {
            return Files.createTempDirectory("langnghe-photos-roles");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeAll
    void publishACaseAndLogEveryoneIn() throws Exception {
        ACCOUNTS.forEach((role, username) -> tokens.put(role, Login.token(client, username)));
        DirectoryPhotoStore store = new DirectoryPhotoStore(photoDirectory);
        byte[] jpeg = TestImages.image("jpg", 0x3366CC);
        petitionPhoto = store.put(new Photo(PhotoKind.JPEG, jpeg));
        proof = TestImages.image("png", 0x22AA44);
        answerPhoto = store.put(new Photo(PhotoKind.PNG, proof));
        drain = TestCases.caseState().trackingCode("K7MXQ2PA9C")
                .photos(List.of(new FeedbackReceived.PhotoRef(petitionPhoto, "image/jpeg", jpeg.length, false))).build();
        stack.publish(drain);
        alert = new Alert(Alert.SCHEMA_VERSION, "alert-" + drain.caseId(), "case:" + drain.caseId(), "watch", 40,
                List.of(new Alert.Reason("escalation_words", "khiếu nại", 40)), List.of(drain.caseId()),
                drain.department(), drain.area(), Category.GIAO_THONG_HA_TANG, Instant.now());
        stack.publish(alert);
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> client.toBlocking()
                .retrieve(HttpRequest.GET("/api/alerts").bearerAuth(tokens.get("LEADER")), JsonNode.class).path("total").asLong() == 1);
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> client.toBlocking()
                .exchange(HttpRequest.GET("/api/track/K7MXQ2PA9C")).getStatus().getCode() == 200);
        // An answered petition of a voter meeting: residents may rate it, and it fills the meeting's report.
        answered = TestCases.caseState().trackingCode(TrackingCode.generate().value()).status(CaseStatus.ANSWERED)
                .batchId("tiep-xuc-cu-tri-2026-11")
                .answerPhotos(List.of(new FeedbackReceived.PhotoRef(answerPhoto, "image/png", proof.length, false))).build();
        stack.publish(answered);
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> client.toBlocking()
                .exchange(HttpRequest.GET("/api/track/" + answered.trackingCode())).getStatus().getCode() == 200);
    }

    @AfterAll
    void close() {
        stack.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # endpoint                                  | anon | LEAD | OFF_A | OFF_B | OPER | GRP  | DEP  | ADMIN
            GET /api/cases?q=cong                       | 401  | 200  | 200   | 200   | 403  | 403  | 403  | 403
            GET /api/cases/{case}                       | 401  | 200  | 200   | 404   | 403  | 403  | 403  | 403
            POST /api/cases/{case}/actions              | 401  | 202  | 202   | 404   | 403  | 403  | 403  | 403
            GET /api/cases/{case}/photos/{photo}        | 401  | 200  | 200   | 404   | 403  | 403  | 403  | 403
            GET /api/cases/{case}/messages              | 401  | 503  | 503   | 404   | 403  | 403  | 403  | 403
            POST /api/cases/{case}/photos               | 401  | 403  | 201   | 404   | 403  | 403  | 403  | 403
            GET /api/queue                              | 401  | 403  | 200   | 200   | 403  | 403  | 403  | 403
            GET /api/trends                             | 401  | 200  | 403   | 403   | 403  | 403  | 403  | 403
            GET /api/departments/performance            | 401  | 200  | 403   | 403   | 403  | 403  | 403  | 403
            GET /api/trends/emerging                    | 401  | 200  | 403   | 403   | 403  | 403  | 403  | 403
            GET /api/alerts                             | 401  | 200  | 200   | 200   | 403  | 403  | 403  | 403
            POST /api/alerts/{alert}/ack                | 401  | 200  | 200   | 404   | 403  | 403  | 403  | 403
            GET /api/export?format=csv                  | 401  | 200  | 403   | 403   | 403  | 403  | 403  | 403
            GET /api/cases?cluster=cluster-1            | 401  | 200  | 200   | 200   | 403  | 403  | 403  | 403
            GET /api/clusters                           | 401  | 200  | 200   | 200   | 403  | 403  | 403  | 403
            POST /api/track/{answered}/rating           | 202  | 202  | 202   | 202   | 202  | 202  | 202  | 202
            GET /api/export/batch/tiep-xuc-cu-tri-2026-11 | 401 | 200 | 403 | 403  | 403  | 403  | 200  | 403
            GET /api/taxonomy                           | 401  | 200  | 200   | 200   | 200  | 200  | 200  | 200
            GET /api/track/K7MX-Q2PA-9C                 | 200  | 200  | 200   | 200   | 200  | 200  | 200  | 200
            GET /api/track/{answered}/photos/{proof}    | 200  | 200  | 200   | 200   | 200  | 200  | 200  | 200
            GET /api/similar?area=tdp-05&text=cong      | 200  | 200  | 200   | 200   | 200  | 200  | 200  | 200
            GET /api/public/requests?status=assigned    | 200  | 200  | 200   | 200   | 200  | 200  | 200  | 200
            POST /login                                 | 200  | 200  | 200   | 200   | 200  | 200  | 200  | 200
            GET /                                       | 200  | 200  | 200   | 200   | 200  | 200  | 200  | 200
            GET /officer.html                           | 200  | 200  | 200   | 200   | 200  | 200  | 200  | 200
            GET /leader.html                            | 200  | 200  | 200   | 200   | 200  | 200  | 200  | 200
            GET /assets/common.js                       | 200  | 200  | 200   | 200   | 200  | 200  | 200  | 200
            GET /vendor/echarts/echarts.min.js          | 200  | 200  | 200   | 200   | 200  | 200  | 200  | 200
            GET /swagger/search.yml                     | 200  | 200  | 200   | 200   | 200  | 200  | 200  | 200
            GET /health                                 | 200  | 200  | 200   | 200   | 200  | 200  | 200  | 200
            GET /prometheus                             | 200  | 200  | 200   | 200   | 200  | 200  | 200  | 200
            """)
    void everyRoleGetsTheAnswerItsRoleAllows(String endpoint, int anonymous, int leader, int officerA, int officerB,
                                             int operator, int groupLeader, int deputy, int admin) {
        List<Integer> expected = List.of(anonymous, leader, officerA, officerB, operator, groupLeader, deputy, admin);
        SoftAssertions softly = new SoftAssertions();
        for (int i = 0; i < ROLES.size(); i++) {
            softly.assertThat(status(endpoint, ROLES.get(i))).as(endpoint + " as " + ROLES.get(i)).isEqualTo(expected.get(i));
        }
        softly.assertAll();
    }

    private int status(String endpoint, String role) {
        String[] parts = endpoint.split(" ", 2);
        String path = parts[1].replace("{case}", drain.caseId()).replace("{alert}", alert.alertId())
                .replace("{answered}", answered.trackingCode()).replace("{photo}", petitionPhoto).replace("{proof}", answerPhoto);
        MutableHttpRequest<?> request = switch (parts[0]) {
            case "GET" -> HttpRequest.GET(path);
            case "POST" -> path.endsWith("/photos")
                    ? HttpRequest.POST(path, MultipartBody.builder().addPart("photo", "proof.png", MediaType.IMAGE_PNG_TYPE, proof).build())
                    .contentType(MediaType.MULTIPART_FORM_DATA_TYPE)
                    : HttpRequest.POST(path, body(path));
            default -> throw new IllegalArgumentException(endpoint);
        };
        if (tokens.containsKey(role)) {
            request.bearerAuth(tokens.get(role));
        }
        try {
            return client.toBlocking().exchange(request, JsonNode.class).getStatus().getCode();
        } catch (HttpClientResponseException e) {
            return e.getStatus().getCode();
        }
    }

    /** Returning a case to triage is open to the department's officers and to leaders alike. */
    private static Object body(String path) {
        if (path.endsWith("/ack")) {
            return "";
        }
        if (path.endsWith("/rating")) {
            // with the last 4 digits of the default contact's phone (+84901234567), as the resident's proof
            return Map.of("stars", 4, "fixed", true, "proof", "4567");
        }
        if (path.equals("/login")) {
            return Map.of("username", "daibieu", "password", Login.DEMO_PASSWORD);
        }
        return Map.of("type", "return_to_triage", "text", "Kiểm tra quyền");
    }
}
