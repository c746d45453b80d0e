package io.langnghe.ingest.intake;

import com.fasterxml.jackson.databind.JsonNode;
import io.langnghe.contracts.Channel;
import io.langnghe.contracts.FeedbackReceived.PhotoRef;
import io.langnghe.contracts.FeedbackReceived;
import io.langnghe.contracts.Json;
import io.langnghe.contracts.Topics;
import io.langnghe.ingest.Http;
import io.langnghe.ingest.Multipart;
import io.langnghe.ingest.TestIngest;
import io.langnghe.ingest.TestPhotos;
import io.langnghe.testsupport.SealedContacts;
import io.langnghe.testsupport.SharedInfrastructure;
import io.langnghe.testsupport.TopicProbe;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static io.langnghe.ingest.Http.json;
import static io.langnghe.ingest.TestPetition.DRAIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** POST /api/feedback as multipart/form-data with photos, against the real broker and a real directory. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FeedbackWithPhotosEndpointTest implements TestPropertyProvider {

    private static final Duration WITHIN = Duration.ofSeconds(15);

    private final String prefix = SharedInfrastructure.uniquePrefix();
    private Topics topics;
    private TopicProbe probe;
    private Http http;
    private Path store;

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        topics = SharedInfrastructure.createTopics(prefix);
        try {
            store = Files.createTempDirectory("langnghe-photos-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return TestIngest.properties(prefix,
                "langnghe.photos.directory", store.toString());
    }

    @BeforeAll
    void connect() {
        probe = SharedInfrastructure.topicProbe();
        http = new Http(server.getURI());
    }

    @Test
    void sendsPhotoReferencesAndKeepsNoLocationWithoutConsent() throws IOException {
        byte[] jpeg = TestPhotos.jpegWithGps();
        byte[] png = TestPhotos.png();
        Multipart form = petition()
                .field("name", "Trần Thị Bình")
                .field("consentToContact", "on")
                .file("photos", "cong.jpg", "image/jpeg", jpeg)
                .file("photos", "ngo5.png", "image/png", png);

        HttpResponse<String> response = http.postBytes("/api/feedback", form.bytes(), form.contentType());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        JsonNode receipt = json(response);
        FeedbackReceived event = eventOf(receipt.get("feedbackId").asText());
        assertThat(event.trackingCode()).isEqualTo(receipt.get("trackingCode").asText());
        assertThat(event.channel()).isEqualTo(Channel.WEB);
        assertThat(event.text()).isEqualTo(DRAIN);
        assertThat(event.area()).isEqualTo("tdp-05");
        assertThat(SealedContacts.of(topics).open(event.contact(), event.address()).name()).isEqualTo("Trần Thị Bình");
        assertThat(event.contact().consentToContact()).isTrue();
        assertThat(event.meeting()).isNull();
        assertThat(event.requestedCategory()).isNull();
        assertThat(event.photos()).hasSize(2);

        PhotoRef first = event.photos().get(0);
        assertThat(first.ref()).matches("sha256-[0-9a-f]{64}\\.jpg");
        assertThat(first.contentType()).isEqualTo("image/jpeg");
        assertThat(first.locationKept()).isFalse();
        byte[] stored = Files.readAllBytes(store.resolve(first.ref()));
        assertThat(first.bytes()).isEqualTo(stored.length);
        assertThat(TestPhotos.contains(jpeg, TestPhotos.LATITUDE)).isTrue();
        assertThat(TestPhotos.contains(stored, TestPhotos.LATITUDE)).as("GPS stripped on disk").isFalse();

        PhotoRef second = event.photos().get(1);
        assertThat(second.ref()).matches("sha256-[0-9a-f]{64}\\.png");
        assertThat(second.contentType()).isEqualTo("image/png");
        assertThat(second.bytes()).isEqualTo(Files.size(store.resolve(second.ref())));
        // The event carries references, never the bytes.
        assertThat(recordOf(event.feedbackId()).value().length()).isLessThan(png.length + 2000);
    }

    @Test
    void keepsTheLocationAsAFieldNotInTheFileWhenTheResidentAgreesToShareIt() throws IOException {
        Multipart form = petition()
                .field("shareLocation", "on")
                .file("photos", "cong.jpg", "image/jpeg", TestPhotos.jpegWithGps());

        HttpResponse<String> response = http.postBytes("/api/feedback", form.bytes(), form.contentType());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        PhotoRef photo = eventOf(json(response).get("feedbackId").asText()).photos().get(0);
        assertThat(photo.locationKept()).isTrue();
        // 19°48'27" N, 105°46'40" E as the phone wrote them (each part 7 thousandths over: 19.81462, 105.78490)
        assertThat(photo.location().latitude()).isCloseTo(19.81462, within(0.0001));
        assertThat(photo.location().longitude()).isCloseTo(105.78490, within(0.0001));
        byte[] stored = Files.readAllBytes(store.resolve(photo.ref()));
        assertThat(TestPhotos.contains(stored, TestPhotos.LATITUDE)).as("no GPS in the file anyone may download").isFalse();
        assertThat(TestPhotos.contains(stored, TestPhotos.LONGITUDE)).isFalse();
    }

    @Test
    void refusesFakeJpegsByTheirBytesAndStoresAndSendsNothing() throws IOException {
        long sent = probe.count(topics.feedbackReceived().name(), WITHIN);
        long stored = storedFiles();
        byte[] random = new byte[2048];
        new Random(7).nextBytes(random);
        random[0] = 'x';
        Multipart form = petition()
                .file("photos", "that.jpg", "image/jpeg", TestPhotos.jpegWithGps())
                .file("photos", "png-in-disguise.jpg", "image/jpeg", TestPhotos.png())
                .file("photos", "noise.jpg", "image/jpeg", random);

        HttpResponse<String> response = http.postBytes("/api/feedback", form.bytes(), form.contentType());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json(response);
        assertThat(problem.get("title").asText()).contains(" / ");
        assertThat(problem.get("errors")).hasSize(1);
        JsonNode error = problem.get("errors").get(0);
        assertThat(error.get("field").asText()).isEqualTo("photos[2]");
        assertThat(error.get("code").asText()).isEqualTo("not_an_image");
        assertThat(error.get("message_vi").asText()).contains("noise.jpg");
        assertThat(error.get("message_en").asText()).contains("noise.jpg");
        // PNG bytes named .jpg are a PNG: taken as one, never as the JPEG the name claims.
        assertThat(storedFiles()).as("nothing stored").isEqualTo(stored);
        assertThat(probe.count(topics.feedbackReceived().name(), WITHIN)).as("nothing sent").isEqualTo(sent);
    }

    @Test
    void refusesAFourthPhotoAndBadFieldsInOneAnswer() {
        long sent = probe.count(topics.feedbackReceived().name(), WITHIN);
        byte[] png = TestPhotos.png();
        Multipart form = new Multipart().field("text", DRAIN).field("channel", "web").field("phone", "12345")
                .file("photos", "1.png", "image/png", png).file("photos", "2.png", "image/png", png)
                .file("photos", "3.png", "image/png", png).file("photos", "4.png", "image/png", png);

        HttpResponse<String> response = http.postBytes("/api/feedback", form.bytes(), form.contentType());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(json(response).get("errors")).extracting(e -> e.get("field").asText()).contains("phone", "photos");
        assertThat(probe.count(topics.feedbackReceived().name(), WITHIN)).isEqualTo(sent);
    }

    @Test
    void takesAPetitionWithoutPhotosFromTheSameForm() {
        Multipart form = petition().file("photos", "", "application/octet-stream", new byte[0]);

        HttpResponse<String> response = http.postBytes("/api/feedback", form.bytes(), form.contentType());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        assertThat(eventOf(json(response).get("feedbackId").asText()).photos()).isEmpty();
    }

    private static Multipart petition() {
        return new Multipart().field("text", DRAIN).field("channel", "web").field("area", "tdp-05");
    }

    private long storedFiles() throws IOException {
        try (Stream<Path> files = Files.list(store)) {
            return files.count();
        }
    }

    private ConsumerRecord<String, String> recordOf(String feedbackId) {
        List<ConsumerRecord<String, String>> records = probe.readAll(topics.feedbackReceived().name(), WITHIN).stream()
                .filter(record -> feedbackId.equals(record.key()))
                .toList();
        assertThat(records).hasSize(1);
        return records.get(0);
    }

    private FeedbackReceived eventOf(String feedbackId) {
        try {
            return Json.mapper().readValue(recordOf(feedbackId).value(), FeedbackReceived.class);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
