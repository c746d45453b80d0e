package io.langnghe.ingest.intake;

import io.langnghe.contracts.FeedbackReceived;
import io.langnghe.contracts.Json;
import io.langnghe.contracts.Topics;
import io.langnghe.contracts.privacy.ContactDetails;
import io.langnghe.ingest.AgainstTheBroker;
import io.langnghe.ingest.TestIngest;
import io.langnghe.testsupport.SealedContacts;
import io.langnghe.testsupport.SharedInfrastructure;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static io.langnghe.ingest.Http.json;
import static io.langnghe.ingest.TestPetition.petition;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A petition with a contact takes an identity whose key Kafka stored before the petition was even posted:
 * its one write is the petition, and the contact opens with that key. The keys stored ahead and never used
 * are tombstoned when the service stops.
 */
@MicronautTest
class ContactKeysAheadTest extends AgainstTheBroker {

    private static final Duration WITHIN = Duration.ofSeconds(10);

    @Inject
    MeterRegistry meters;

    @Test
    void aPetitionWithAContactIsSealedUnderAKeyStoredBeforeItWasPosted() {
        assertThat(http.postJson("/api/feedback", withPhone("0901.234.567")).statusCode()).isEqualTo(202);
        Awaitility.await().atMost(WITHIN).until(() -> meters.get("langnghe.contact.keys.ahead").gauge().value() >= 16);
        Set<String> storedBefore = keyIds(probe.readAll(topics.contactKeys().name(), WITHIN));

        HttpResponse<String> response = http.postJson("/api/feedback", withPhone("0912.345.678"));

        assertThat(response.statusCode()).isEqualTo(202);
        String feedbackId = json(response).get("feedbackId").asText();
        assertThat(storedBefore).contains(feedbackId);
        List<ConsumerRecord<String, String>> petitions = probe.readAll(topics.feedbackReceived().name(), WITHIN).stream()
                .filter(r -> r.key().equals(feedbackId)).toList();
        assertThat(petitions).hasSize(1);
        FeedbackReceived event = read(petitions.get(0).value());
        ContactDetails opened = SealedContacts.of(topics).open(event.contact(), event.address());
        assertThat(opened.phone()).isEqualTo("+84912345678");
        assertThat(opened.name()).isEqualTo("Trần Thị Bình");
    }

    @Test
    void aPetitionWithoutAContactTakesNoKey() {
        HttpResponse<String> response = http.postJson("/api/feedback", petition().json());

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(keyIds(probe.readAll(topics.contactKeys().name(), WITHIN))).doesNotContain(json(response).get("feedbackId").asText());
    }

    @Test
    void theKeysStoredAheadAndNeverUsedAreTombstonedWhenTheServiceStops() {
        String prefix = SharedInfrastructure.uniquePrefix();
        Topics own = SharedInfrastructure.createTopics(prefix);
        try (ApplicationContext context = ApplicationContext.run(Map.<String, Object>copyOf(TestIngest.properties(prefix,
                "micronaut.server.port", "-1", "langnghe.intake.keys-ahead", "8")))) {
            ReadyIdentities ready = context.getBean(ReadyIdentities.class);
            ready.take();
            Awaitility.await().atMost(WITHIN).until(() -> probe.count(own.contactKeys().name(), WITHIN) == 8);
        }

        List<ConsumerRecord<String, String>> records = probe.readAll(own.contactKeys().name(), WITHIN);
        Set<String> stored = records.stream().filter(r -> r.value() != null).map(ConsumerRecord::key).collect(Collectors.toSet());
        Set<String> tombstoned = records.stream().filter(r -> r.value() == null).map(ConsumerRecord::key).collect(Collectors.toSet());
        assertThat(stored).hasSize(8);
        assertThat(tombstoned).isEqualTo(stored);
    }

    private static String withPhone(String phone) {
        return petition().with("name", "Trần Thị Bình").with("phone", phone).with("consentToContact", true).json();
    }

    private static Set<String> keyIds(List<ConsumerRecord<String, String>> records) {
        return records.stream().filter(r -> r.value() != null).map(ConsumerRecord::key).collect(Collectors.toSet());
    }

    private static FeedbackReceived read(String json) {
        try {
            return Json.mapper().readValue(json, FeedbackReceived.class);
        } catch (Exception e) {
            throw new AssertionError(json, e);
        }
    }
}
