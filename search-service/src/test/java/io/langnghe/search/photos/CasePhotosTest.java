package io.langnghe.search.photos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.langnghe.contracts.CaseState;
import io.langnghe.contracts.CaseStatus;
import io.langnghe.contracts.FeedbackReceived.PhotoRef;
import io.langnghe.photos.DirectoryPhotoStore;
import io.langnghe.photos.Photo;
import io.langnghe.photos.PhotoKind;
import io.langnghe.search.Login;
import io.langnghe.search.SharedStack;
import io.langnghe.search.TestCases;
import io.langnghe.testsupport.SharedInfrastructure;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.langnghe.search.TestImages.image;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The photos of a case through the real Kafka and Elasticsearch, from the same directory store
 * ingest-service writes: the petition's photo for the department and leaders, an officer's photo of
 * proof uploaded, named by the answer and then shown on the tracking page, and nothing for anyone else.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CasePhotosTest implements TestPropertyProvider {

    private static final Duration WITHIN = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SharedStack stack = new SharedStack();
    private final Path directory = temporaryDirectory();

    @Inject
    @Client("/")
    HttpClient client;

    private String officer;
    private String policeOfficer;
    private String leader;
    private byte[] petitionPhoto;
    private PhotoRef petitionRef;
    private byte[] proofPhoto;
    private PhotoRef proofRef;
    private CaseState withPhotos;
    private CaseState acknowledged;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(stack.properties());
        properties.put("langnghe.photos.store", "directory");
        properties.put("langnghe.photos.directory", directory.toString());
        return properties;
    }

    @BeforeAll
    void publishCasesWithPhotos() throws Exception {
        officer = Login.token(client, "canbo.kinh_te_ha_tang_do_thi");
        policeOfficer = Login.token(client, "canbo.cong_an");
        leader = Login.token(client, "lanhdao");
        // What ingest-service kept of a resident's petition, and a proof an officer uploaded earlier.
        DirectoryPhotoStore ingestStore = new DirectoryPhotoStore(directory);
        petitionPhoto = image("jpg", 0x3366CC);
        petitionRef = new PhotoRef(ingestStore.put(new Photo(PhotoKind.JPEG, petitionPhoto)), "image/jpeg", petitionPhoto.length, false);
        proofPhoto = image("png", 0x22AA44);
        proofRef = new PhotoRef(ingestStore.put(new Photo(PhotoKind.PNG, proofPhoto)), "image/png", proofPhoto.length, false);
        withPhotos = TestCases.caseState().status(CaseStatus.ANSWERED).publicAnswer("Đã nạo vét cống.")
                .photos(List.of(petitionRef)).answerPhotos(List.of(proofRef)).build();
        acknowledged = TestCases.caseState().status(CaseStatus.ACKNOWLEDGED).build();
        for (CaseState state : List.of(withPhotos, acknowledged)) {
            stack.publish(state);
        }
        for (CaseState state : List.of(withPhotos, acknowledged)) {
            await().atMost(WITHIN).ignoreExceptions().until(() -> client.toBlocking()
                    .exchange(HttpRequest.GET("/api/cases/" + state.caseId()).bearerAuth(leader)).getStatus().getCode() == 200);
        }
    }

    @AfterAll
    void close() {
        stack.close();
    }

    @Test
    void theCasePageListsBothPhotosAndTheDepartmentAndLeadersSeeThem() {
        JsonNode page = client.toBlocking().retrieve(HttpRequest.GET("/api/cases/" + withPhotos.caseId()).bearerAuth(officer), JsonNode.class);
        assertThat(page.path("photos").get(0).path("ref").asText()).isEqualTo(petitionRef.ref());
        assertThat(page.path("answerPhotos").get(0).path("ref").asText()).isEqualTo(proofRef.ref());

        for (String token : List.of(officer, leader)) {
            HttpResponse<byte[]> photo = client.toBlocking().exchange(
                    HttpRequest.GET(photoPath(withPhotos, petitionRef.ref())).bearerAuth(token), byte[].class);
            assertThat(photo.getContentType()).contains(MediaType.IMAGE_JPEG_TYPE);
            assertThat(photo.body()).isEqualTo(petitionPhoto);
        }
        HttpResponse<byte[]> proof = client.toBlocking().exchange(
                HttpRequest.GET(photoPath(withPhotos, proofRef.ref())).bearerAuth(officer), byte[].class);
        assertThat(proof.getContentType()).contains(MediaType.IMAGE_PNG_TYPE);
    }

    @Test
    void anotherDepartmentsOfficerAndAPhotoNotOnTheCaseGetNotFound() {
        assertThat(status(HttpRequest.GET(photoPath(withPhotos, petitionRef.ref())).bearerAuth(policeOfficer))).isEqualTo(404);
        assertThat(status(HttpRequest.GET(photoPath(acknowledged, petitionRef.ref())).bearerAuth(officer)))
                .as("a photo kept in the store but not on this case").isEqualTo(404);
        assertThat(status(HttpRequest.GET(photoPath(withPhotos, "..%2F..%2Fetc%2Fpasswd")).bearerAuth(leader))).isEqualTo(404);
        assertThat(status(HttpRequest.GET(photoPath(withPhotos, petitionRef.ref())))).isEqualTo(401);
    }

    @Test
    void theTrackingCodeShowsOnlyTheAnswersProof() {
        String track = "/api/track/" + withPhotos.trackingCode();
        JsonNode view = client.toBlocking().retrieve(HttpRequest.GET(track), JsonNode.class);
        assertThat(view.path("answerPhotos").get(0).path("ref").asText()).isEqualTo(proofRef.ref());
        assertThat(view.has("photos")).as("the petition's photos are not public").isFalse();

        HttpResponse<byte[]> proof = client.toBlocking().exchange(HttpRequest.GET(track + "/photos/" + proofRef.ref()), byte[].class);
        assertThat(proof.body()).isEqualTo(proofPhoto);
        assertThat(status(HttpRequest.GET(track + "/photos/" + petitionRef.ref()))).isEqualTo(404);
    }

    @Test
    void anOfficerUploadsAProofAndTheAnswerCarriesIt() throws Exception {
        byte[] jpeg = image("jpg", 0xCC8800);
        HttpResponse<JsonNode> uploaded = client.toBlocking().exchange(upload(acknowledged, "sau-khi-nao-vet.jpg", jpeg).bearerAuth(officer),
                JsonNode.class);
        assertThat(uploaded.getStatus().getCode()).isEqualTo(201);
        String ref = uploaded.body().path("ref").asText();
        assertThat(ref).matches("sha256-[0-9a-f]{64}\\.jpg");
        assertThat(uploaded.body().path("contentType").asText()).isEqualTo("image/jpeg");
        assertThat(Files.exists(directory.resolve(ref))).as("kept in the store ingest-service uses").isTrue();

        HttpResponse<JsonNode> accepted = client.toBlocking().exchange(HttpRequest.POST("/api/cases/" + acknowledged.caseId() + "/actions",
                Map.of("type", "answer", "text", "Đã nạo vét, ảnh kèm theo.", "photos", List.of(ref))).bearerAuth(officer), JsonNode.class);

        assertThat(accepted.getStatus().getCode()).isEqualTo(202);
        String commandId = accepted.body().path("commandId").asText();
        JsonNode command = await().atMost(WITHIN).until(() -> SharedInfrastructure.topicProbe()
                        .readAll(stack.topics().caseCommands().name(), WITHIN).stream()
                        .filter(r -> r.value().contains("\"" + commandId + "\"")).findFirst().map(r -> read(r.value())).orElse(null),
                found -> found != null);
        assertThat(command.path("photos").get(0).path("ref").asText()).isEqualTo(ref);
        assertThat(command.path("photos").get(0).path("contentType").asText()).isEqualTo("image/jpeg");
    }

    @Test
    void whatIsNotAPhotoIsRefusedAsAProblem() {
        HttpClientResponseException refused = refused(upload(acknowledged, "bien-ban.pdf",
                "%PDF-1.7 not a photo".getBytes(StandardCharsets.US_ASCII)).bearerAuth(officer));

        assertThat(refused.getStatus().getCode()).isEqualTo(400);
        assertThat(refused.getResponse().getContentType()).contains(MediaType.APPLICATION_JSON_PROBLEM_TYPE);
        JsonNode problem = refused.getResponse().getBody(JsonNode.class).orElseThrow();
        assertThat(problem.path("errors").get(0).path("code").asText()).isEqualTo("not_an_image");
        assertThat(problem.path("errors").get(0).path("message_en").asText()).contains("bien-ban.pdf");
    }

    @Test
    void anAnswerNamesAtMostThreePhotosAndOnlyKeptOnes() {
        String actions = "/api/cases/" + acknowledged.caseId() + "/actions";
        HttpClientResponseException tooMany = refused(HttpRequest.POST(actions, Map.of("type", "answer", "text", "Đã xử lý.",
                "photos", List.of(proofRef.ref(), proofRef.ref(), proofRef.ref(), proofRef.ref()))).bearerAuth(officer));
        HttpClientResponseException unknown = refused(HttpRequest.POST(actions, Map.of("type", "answer", "text", "Đã xử lý.",
                "photos", List.of("sha256-" + "0".repeat(64) + ".jpg"))).bearerAuth(officer));

        assertThat(tooMany.getResponse().getBody(JsonNode.class).orElseThrow().path("errors").get(0).path("code").asText()).isEqualTo("too_many");
        assertThat(unknown.getResponse().getBody(JsonNode.class).orElseThrow().path("errors").get(0).path("code").asText())
                .isEqualTo("unknown_photo");
    }

    @Test
    void anotherDepartmentsOfficerCannotUploadToTheCase() {
        assertThat(status(upload(acknowledged, "x.png", proofPhoto).bearerAuth(policeOfficer))).isEqualTo(404);
        assertThat(status(upload(acknowledged, "x.png", proofPhoto).bearerAuth(leader))).as("leaders do not answer").isEqualTo(403);
    }

    private static String photoPath(CaseState state, String ref) {
        return "/api/cases/" + state.caseId() + "/photos/" + ref;
    }

    private static MutableHttpRequest<MultipartBody> upload(CaseState state, String filename, byte[] bytes) {
        return HttpRequest.POST("/api/cases/" + state.caseId() + "/photos",
                        MultipartBody.builder().addPart("photo", filename, MediaType.APPLICATION_OCTET_STREAM_TYPE, bytes).build())
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE);
    }

    private int status(HttpRequest<?> request) {
        try {
            return client.toBlocking().exchange(request, byte[].class).getStatus().getCode();
        } catch (HttpClientResponseException e) {
            return e.getStatus().getCode();
        }
    }

    private HttpClientResponseException refused(HttpRequest<?> request) {
        try {
            client.toBlocking().exchange(request, JsonNode.class);
            throw new AssertionError("expected a refusal");
        } catch (HttpClientResponseException e) {
            return e;
        }
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("langnghe-photos-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
