package io.langnghe.ingest.photos;

import com.fasterxml.jackson.databind.JsonNode;
import io.langnghe.contracts.FeedbackReceived;
import io.langnghe.contracts.Json;
import io.langnghe.contracts.Topics;
import io.langnghe.ingest.Http;
import io.langnghe.ingest.Multipart;
import io.langnghe.ingest.TestIngest;
import io.langnghe.ingest.TestPhotos;
import io.langnghe.localstack.Ports;
import io.langnghe.photos.Photo;
import io.langnghe.photos.PhotoKind;
import io.langnghe.photos.PhotoStore;
import io.langnghe.photos.PhotoStoreUnavailableException;
import io.langnghe.photos.S3PhotoSettings;
import io.langnghe.photos.S3PhotoStore;
import io.langnghe.testsupport.SharedInfrastructure;
import io.langnghe.testsupport.TopicProbe;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.langnghe.ingest.Http.json;
import static io.langnghe.ingest.TestPetition.DRAIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code langnghe.photos.store: s3} against a real S3-compatible server (S3Mock): a resident's photo
 * ends up in the bucket, by content, without its location, and the event carries the reference.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class S3PhotoStoreTest implements TestPropertyProvider {

    private static final Duration WITHIN = Duration.ofSeconds(15);

    private final String prefix = SharedInfrastructure.uniquePrefix();
    private final String bucket = "langnghe-photos-" + UUID.randomUUID().toString().substring(0, 8);
    private S3Mock s3;
    private S3Client bucketView;
    private Topics topics;
    private TopicProbe probe;
    private Http http;

    @Inject
    EmbeddedServer server;

    @Inject
    PhotoStore store;

    @Override
    public Map<String, String> getProperties() {
        topics = SharedInfrastructure.createTopics(prefix);
        s3 = S3Mock.start();
        bucketView = s3.client();
        bucketView.createBucket(b -> b.bucket(bucket));
        return TestIngest.properties(prefix,
                "langnghe.photos.store", "s3",
                "langnghe.photos.s3.endpoint", s3.endpoint(),
                "langnghe.photos.s3.bucket", bucket,
                "langnghe.secrets.photos-s3-access-key", S3Mock.ACCESS_KEY,
                "langnghe.secrets.photos-s3-secret-key", S3Mock.SECRET_KEY);
    }

    @BeforeAll
    void connect() {
        probe = SharedInfrastructure.topicProbe();
        http = new Http(server.getURI());
    }

    @AfterAll
    void stop() {
        if (bucketView != null) {
            bucketView.close();
        }
        if (s3 != null) {
            s3.close();
        }
    }

    @Test
    void aPetitionsPhotoIsKeptInTheBucketWithoutItsLocation() throws IOException {
        byte[] jpeg = TestPhotos.jpegWithGps();
        Multipart form = new Multipart().field("text", DRAIN).field("channel", "web").field("area", "tdp-05")
                .file("photos", "cong.jpg", "image/jpeg", jpeg);

        HttpResponse<String> response = http.postBytes("/api/feedback", form.bytes(), form.contentType());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        FeedbackReceived event = eventOf(json(response));
        FeedbackReceived.PhotoRef photo = event.photos().get(0);
        assertThat(photo.ref()).matches("sha256-[0-9a-f]{64}\\.jpg");
        HeadObjectResponse head = bucketView.headObject(h -> h.bucket(bucket).key(photo.ref()));
        assertThat(head.contentType()).isEqualTo("image/jpeg");
        assertThat(head.contentLength()).isEqualTo(photo.bytes());
        byte[] kept = bucketView.getObjectAsBytes(g -> g.bucket(bucket).key(photo.ref())).asByteArray();
        assertThat(TestPhotos.contains(jpeg, TestPhotos.LATITUDE)).isTrue();
        assertThat(TestPhotos.contains(kept, TestPhotos.LATITUDE)).as("GPS stripped in the bucket").isFalse();
    }

    @Test
    void keepsEachPhotoOnceByItsContentAndReadsOnlyItsOwnNames() {
        Photo png = new Photo(PhotoKind.PNG, TestPhotos.png());

        String first = store.put(png);
        String again = store.put(png);

        assertThat(store).isInstanceOf(S3PhotoStore.class);
        assertThat(again).isEqualTo(first).matches("sha256-[0-9a-f]{64}\\.png");
        assertThat(bucketView.listObjectsV2(l -> l.bucket(bucket)).contents()).extracting(S3Object::key).containsOnlyOnce(first);
        assertThat(store.get(first)).isEqualTo(png.bytes());
        assertThatThrownBy(() -> store.get("../" + first)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aStoreThatDoesNotAnswerRefusesThePetitionForNowRatherThanLosingThePhoto() {
        S3PhotoSettings nowhere = new S3PhotoSettings("http://127.0.0.1:" + Ports.free(), bucket, "us-east-1", true);
        try (S3PhotoStore down = S3PhotoStore.connect(nowhere, S3Mock.ACCESS_KEY, S3Mock.SECRET_KEY)) {
            assertThatThrownBy(() -> down.put(new Photo(PhotoKind.PNG, TestPhotos.png())))
                    .isInstanceOf(PhotoStoreUnavailableException.class);
        }
    }

    @Test
    void aBucketMustBeNamed() {
        assertThatThrownBy(() -> S3PhotoStore.connect(new S3PhotoSettings(s3.endpoint(), " ", "us-east-1", true), "a", "b"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("LANGNGHE_PHOTOS_S3_BUCKET");
    }

    private FeedbackReceived eventOf(JsonNode receipt) throws IOException {
        String feedbackId = receipt.get("feedbackId").asText();
        String value = probe.readAll(topics.feedbackReceived().name(), WITHIN).stream()
                .filter(record -> feedbackId.equals(record.key())).findFirst().orElseThrow().value();
        return Json.mapper().readValue(value, FeedbackReceived.class);
    }
}
