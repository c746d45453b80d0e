package io.langnghe.search.privacy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import io.langnghe.contracts.CaseState;
import io.langnghe.contracts.CaseStatus;
import io.langnghe.contracts.Contact;
import io.langnghe.contracts.TrackingCode;
import io.langnghe.contracts.privacy.ContactCipher;
import io.langnghe.contracts.privacy.ContactDetails;
import io.langnghe.contracts.privacy.ContactKey;
import io.langnghe.search.Login;
import io.langnghe.search.SharedStack;
import io.langnghe.search.TestCases;
import io.langnghe.testsupport.SharedInfrastructure;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

/**
 * Decree 13/2023: the officer of the case's department reads the sealed contact on the case page (every
 * opening audited); an administrator erases it by the resident's tracking code, after which the case
 * page says so and the case itself is unchanged. Against the real broker and Elasticsearch.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContactErasureTest implements TestPropertyProvider {

    private static final Duration WITHIN = Duration.ofSeconds(30);
    private static final String OFFICER = "canbo.kinh_te_ha_tang_do_thi";
    private static final ContactDetails HOA = new ContactDetails("Lê Thị Hoa", "+84912345678", null, null, "số 9 ngõ 3");

    private final SharedStack stack = new SharedStack();
    private final ListAppender<ILoggingEvent> audit = new ListAppender<>();

    @Inject
    @Client("/")
    HttpClient client;

    private CaseState kept;
    private CaseState erased;
    private String officer;
    private String admin;

    @Override
    public Map<String, String> getProperties() {
        return stack.properties();
    }

    @BeforeAll
    void publishSealedCases() throws Exception {
        audit.start();
        ((Logger) LoggerFactory.getLogger(ContactAudit.LOGGER)).addAppender(audit);
        officer = Login.token(client, OFFICER);
        admin = Login.token(client, "quantri");
        kept = sealedCase("case-kept-" + System.nanoTime());
        erased = sealedCase("case-erased-" + System.nanoTime());
        for (CaseState state : List.of(kept, erased)) {
            await().atMost(WITHIN).ignoreExceptions().until(() -> client.toBlocking()
                    .exchange(HttpRequest.GET("/api/track/" + state.trackingCode())).getStatus().getCode() == 200);
        }
    }

    @AfterAll
    void close() {
        ((Logger) LoggerFactory.getLogger(ContactAudit.LOGGER)).detachAppender(audit);
        stack.close();
    }

    @Test
    void theOfficerReadsTheSealedContactOnTheCasePageAndEachViewIsAudited() {
        JsonNode contact = casePage(kept).path("contact");

        assertThat(contact.path("name").asText()).isEqualTo("Lê Thị Hoa");
        assertThat(contact.path("phone").asText()).isEqualTo("+84912345678");
        assertThat(contact.path("address").asText()).isEqualTo("số 9 ngõ 3");
        assertThat(contact.path("erased").asBoolean(true)).isFalse();
        assertThat(audit.list.stream().map(ILoggingEvent::getFormattedMessage))
                .contains("contact view user=" + OFFICER + " role=OFFICER case=" + kept.caseId() + " outcome=opened");
        assertThat(audit.list.stream().map(ILoggingEvent::getFormattedMessage)).noneMatch(line -> line.contains("912345678"));
    }

    @Test
    void anAdministratorErasesByTrackingCodeAndTheCaseStaysWhole() {
        JsonNode before = casePage(erased);

        HttpResponse<JsonNode> answer = client.toBlocking().exchange(HttpRequest.POST("/api/admin/erasures",
                Map.of("trackingCode", TrackingCode.display(erased.trackingCode()))).bearerAuth(admin), JsonNode.class);

        assertThat(answer.body().path("outcome").asText()).isEqualTo("erased");
        assertThat(answer.body().path("caseId").asText()).isEqualTo(erased.caseId());
        await().atMost(WITHIN).until(() -> casePage(erased).path("contact").path("erased").asBoolean());
        JsonNode after = casePage(erased);
        assertThat(after.path("contact").hasNonNull("phone")).isFalse();
        assertThat(after.path("contact").hasNonNull("name")).isFalse();
        assertThat(after.path("text").asText()).isEqualTo(before.path("text").asText());
        assertThat(after.path("category")).isEqualTo(before.path("category"));
        assertThat(after.path("status").asText()).isEqualTo(before.path("status").asText());
        assertThat(casePage(kept).path("contact").path("phone").asText()).as("other residents keep theirs").isEqualTo("+84912345678");
    }

    @Test
    void onlyAnAdministratorErases() {
        HttpClientResponseException refused = catchThrowableOfType(() -> client.toBlocking().exchange(HttpRequest.POST("/api/admin/erasures",
                Map.of("trackingCode", TrackingCode.display(kept.trackingCode()))).bearerAuth(officer)),
                HttpClientResponseException.class);

        assertThat(refused.getStatus().getCode()).isEqualTo(403);
        assertThat(casePage(kept).path("contact").path("erased").asBoolean(true)).isFalse();
    }

    @Test
    void anUnknownCodeIsNotFoundAndAMissingOneIsNamed() {
        HttpClientResponseException unknown = catchThrowableOfType(() -> client.toBlocking().exchange(HttpRequest.POST("/api/admin/erasures",
                Map.of("trackingCode", TrackingCode.generate().display())).bearerAuth(admin)), HttpClientResponseException.class);
        HttpClientResponseException missing = catchThrowableOfType(() -> client.toBlocking().exchange(HttpRequest.POST("/api/admin/erasures",
                Map.of()).bearerAuth(admin)), HttpClientResponseException.class);

        assertThat(unknown.getStatus().getCode()).isEqualTo(404);
        assertThat(missing.getStatus().getCode()).isEqualTo(400);
        assertThat(missing.getResponse().getBody(JsonNode.class).orElseThrow().path("errors").findValuesAsText("field"))
                .containsExactly("trackingCode");
    }

    private CaseState sealedCase(String caseId) throws Exception {
        ContactKey key = ContactCipher.newKey(caseId, Instant.now());
        try (KafkaProducer<String, ContactKey> keys = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"),
                stack.topics().contactKeys().keySerde().serializer(), stack.topics().contactKeys().valueSerde().serializer())) {
            keys.send(new ProducerRecord<>(stack.topics().contactKeys().name(), caseId, key)).get();
        }
        Contact sealed = new Contact(null, null, "+84 91x xxx x78", "hash-hoa", true).withSealed(ContactCipher.seal(HOA, key));
        CaseState state = TestCases.caseState().caseId(caseId).trackingCode(TrackingCode.generate().value())
                .status(CaseStatus.ACKNOWLEDGED).contact(sealed).address(null).build();
        stack.publish(state);
        return state;
    }

    private JsonNode casePage(CaseState state) {
        return client.toBlocking().retrieve(HttpRequest.GET("/api/cases/" + state.caseId()).bearerAuth(officer),
                JsonNode.class);
    }
}
