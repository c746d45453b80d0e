package io.langnghe.search.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import io.langnghe.contracts.CaseCommand;
import io.langnghe.contracts.CaseState;
import io.langnghe.contracts.CaseStatus;
import io.langnghe.contracts.Contact;
import io.langnghe.contracts.Json;
import io.langnghe.contracts.TrackingCode;
import io.langnghe.contracts.kafka.CommandSignature;
import io.langnghe.contracts.kafka.KafkaLogin;
import io.langnghe.contracts.kafka.ServicePrincipal;
import io.langnghe.contracts.privacy.ContactCipher;
import io.langnghe.contracts.privacy.ContactDetails;
import io.langnghe.contracts.privacy.ContactKey;
import io.langnghe.search.Login;
import io.langnghe.search.SharedStack;
import io.langnghe.search.TestCases;
import io.langnghe.search.indexing.KafkaSettings;
import io.langnghe.testsupport.SharedInfrastructure;
import io.langnghe.testsupport.TopicProbe;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A case written before contacts were sealed keeps its resident's name, phone and address in clear, and
 * erasing it answers {@code written_before_sealing}. The migration gives it a key and sends routing-streams
 * the signed command that seals it; once routing-streams has written the sealed version (played here as
 * its lifecycle writes it), the index holds no clear contact and the resident can be erased. Against the
 * real broker and Elasticsearch; running the migration again adds no second key.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OldContactSealingTest implements TestPropertyProvider {

    private static final Duration WITHIN = Duration.ofSeconds(30);
    private static final String SECRET = "langnghe-demo";

    private final SharedStack stack = new SharedStack();
    /** Topics of their own for the test that runs the migration twice, so each test counts only its cases. */
    private final SharedStack again = new SharedStack();
    private final SharedStack sasl = new SharedStack();

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
        again.close();
        sasl.close();
    }

    @Test
    void anOldClearCaseEndsUpSealedAndErasable() throws Exception {
        String admin = Login.token(client, "quantri");
        CaseState old = TestCases.caseState().caseId("case-old-" + System.nanoTime()).trackingCode(TrackingCode.generate().value())
                .status(CaseStatus.ACKNOWLEDGED).contact(new Contact("Trần Văn Bình", "+84987654321", "+84 98x xxx x21", "hash-binh", true))
                .address("số 7 ngõ 2 phố Hàm Rồng").build();
        CaseState sealedBefore = TestCases.caseState().caseId("case-new-" + System.nanoTime()).trackingCode(TrackingCode.generate().value())
                .contact(new Contact(null, null, "+84 91x xxx x00", "hash-x", true)
                        .withSealed(ContactCipher.seal(new ContactDetails("X", "+84910000000", null, null, null),
                                ContactCipher.newKey("case-new", java.time.Instant.now()))))
                .address(null).build();
        stack.publish(old);
        stack.publish(sealedBefore);
        await().atMost(WITHIN).until(() -> erase(admin, old) != null);
        assertThat(erase(admin, old)).as("given: an old case cannot be erased").isEqualTo("written_before_sealing");

        OldContactSealing.Progress done;
        try (OldContactSealing sealing = new OldContactSealing(kafka(stack), SECRET, Clock.systemUTC())) {
            done = sealing.run(progress -> { });
        }

        assertThat(done.inClear()).as("the sealed case is left alone").isEqualTo(1);
        assertThat(done.sealed()).isEqualTo(1);
        TopicProbe probe = SharedInfrastructure.topicProbe();
        assertThat(probe.readAll(stack.topics().caseCommands().name(), WITHIN)).extracting(ConsumerRecord::key).containsExactly(old.caseId());
        ContactKey key = Json.mapper().readValue(probe.readAll(stack.topics().contactKeys().name(), WITHIN).stream()
                .filter(r -> r.key().equals(old.caseId())).findFirst().orElseThrow().value(), ContactKey.class);
        ConsumerRecord<String, String> command = probe.readAll(stack.topics().caseCommands().name(), WITHIN).stream()
                .filter(r -> r.key().equals(old.caseId())).findFirst().orElseThrow();
        CaseCommand seal = Json.mapper().readValue(command.value(), CaseCommand.class);
        assertThat(seal.type()).isEqualTo(CaseCommand.Type.SEAL_CONTACT);
        assertThat(new CommandSignature(SECRET).verifies(command.headers(), command.value().getBytes(StandardCharsets.UTF_8)))
                .as("routing-streams takes it only signed").isTrue();
        assertThat(seal.contact().hasClearDetails()).isFalse();
        assertThat(ContactCipher.open(seal.contact().sealed(), key))
                .isEqualTo(new ContactDetails("Trần Văn Bình", "+84987654321", null, null, "số 7 ngõ 2 phố Hàm Rồng"));

        // routing-streams applies the command (CommandAuthorityTopologyTest): the sealed version, written over the clear one
        stack.publish(old.withPetition(old.petition().withContact(seal.contact()).withoutAddress()).withVersion(old.version() + 1));
        // until the indexer has the sealed version, erasing still answers written_before_sealing
        await().atMost(WITHIN).until(() -> "erased".equals(erase(admin, old)));
    }

    @Test
    void runningItAgainAddsNoSecondKey() throws Exception {
        CaseState old = TestCases.caseState().caseId("case-again-" + System.nanoTime()).trackingCode(TrackingCode.generate().value())
                .contact(new Contact("Lê Văn Cường", "+84977777777", "+84 97x xxx x77", "hash-cuong", false)).address(null).build();
        again.publish(old);

        for (int run = 0; run < 2; run++) {
            try (OldContactSealing sealing = new OldContactSealing(kafka(again), SECRET, Clock.systemUTC())) {
                sealing.run(progress -> { });
            }
        }

        TopicProbe probe = SharedInfrastructure.topicProbe();
        List<ConsumerRecord<String, String>> keys = probe.readAll(again.topics().contactKeys().name(), WITHIN).stream()
                .filter(r -> r.key().equals(old.caseId())).toList();
        assertThat(keys).hasSize(1);
    }

    @Test
    void theMigrationLogsInAsTheOperatorsAdminOnTheSaslListener() throws Exception {
        CaseState old = TestCases.caseState().caseId("case-sasl-" + System.nanoTime()).trackingCode(TrackingCode.generate().value())
                .contact(new Contact("Phạm Thị Dung", "+84966666666", "+84 96x xxx x66", "hash-dung", false)).address(null).build();
        sasl.publish(old);
        KafkaSettings asAdmin = KafkaSettings.forTools(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", SharedInfrastructure.securedKafka().saslBootstrapServers(),
                "KAFKA_SASL_PASSWORD", ServicePrincipal.ADMIN.password(System.getenv()),
                "LANGNGHE_TOPICS_PREFIX", sasl.prefix())::get);

        OldContactSealing.Progress done;
        try (OldContactSealing sealing = new OldContactSealing(asAdmin, SECRET, Clock.systemUTC())) {
            done = sealing.run(progress -> { });
        }

        assertThat(done.sealed()).isEqualTo(1);
        assertThat(SharedInfrastructure.topicProbe().readAll(sasl.topics().caseCommands().name(), WITHIN))
                .extracting(ConsumerRecord::key).containsExactly(old.caseId());
    }

    private static KafkaSettings kafka(SharedStack topics) {
        return new KafkaSettings(SharedInfrastructure.kafkaBootstrapServers(), topics.prefix(), KafkaLogin.plaintext());
    }

    /** The erasure's outcome for the case, or null while the index does not have it yet. */
    private String erase(String admin, CaseState state) {
        try {
            return client.toBlocking().retrieve(HttpRequest.POST("/api/admin/erasures",
                    Map.of("trackingCode", TrackingCode.display(state.trackingCode()))).bearerAuth(admin), JsonNode.class)
                    .path("outcome").asText();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
