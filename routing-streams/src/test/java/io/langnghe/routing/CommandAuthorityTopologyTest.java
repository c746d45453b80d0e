package io.langnghe.routing;

import io.langnghe.contracts.CaseCommand;
import io.langnghe.contracts.CaseCommand.Type;
import io.langnghe.contracts.CaseState;
import io.langnghe.contracts.CaseStatus;
import io.langnghe.contracts.Contact;
import io.langnghe.contracts.DeadLetter;
import io.langnghe.contracts.FeedbackReceived;
import io.langnghe.contracts.Topics;
import io.langnghe.contracts.kafka.CommandAuthority;
import io.langnghe.contracts.kafka.CommandSignature;
import io.langnghe.contracts.privacy.ContactCipher;
import io.langnghe.contracts.privacy.ContactDetails;
import io.langnghe.contracts.privacy.ContactKey;
import io.langnghe.contracts.taxonomy.Taxonomy;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static io.langnghe.routing.TestCommand.actor;
import static io.langnghe.routing.TestCommand.command;
import static io.langnghe.routing.TestFeedback.feedback;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * routing-streams as it runs: a person's command counts only with search-service's signature, so one
 * written straight to Kafka by whoever reached it (an officer's acknowledgement, a leader's reopening)
 * is set aside with the reason; so is the migration's sealing of an old contact, which counts only signed.
 */
class CommandAuthorityTopologyTest {

    static final Taxonomy taxonomy = Taxonomy.loadDefault();
    static final Topics topics = Topics.withPrefix("test");
    static final Instant openedAt = Instant.parse("2025-09-15T02:00:01Z");
    static final Instant commandAt = Instant.parse("2025-09-15T04:00:00Z");
    static final CaseCommand.Actor MIGRATION = new CaseCommand.Actor("cli:seal-old-contacts", "SYSTEM", null);
    static final CommandSignature SEARCH_SERVICE = new CommandSignature("the-ward's-commands-secret-of-32-chars");

    RoutingUnderTest routing;
    TopologyTestDriver driver;
    TestInputTopic<String, byte[]> received;
    TestOutputTopic<String, CaseState> cases;
    TestOutputTopic<String, DeadLetter> deadLetters;
    CaseState opened;

    @BeforeEach
    void start() {
        routing = RoutingUnderTest.at("command-authority-test", commandAt).withAuthority(new CommandAuthority(SEARCH_SERVICE)).start();
        driver = routing.driver();
        received = routing.received();
        cases = routing.cases();
        deadLetters = routing.deadLetters();
        // as a petition was before contacts were sealed: name, phone and address in clear
        FeedbackReceived drain = feedback().id("fb-1").build();
        received.pipeInput(new TestRecord<>("fb-1", json(drain), openedAt));
        opened = cases.readValuesToList().get(0);
    }

    @AfterEach
    void stop() {
        routing.close();
    }

    @Test
    void anOfficersCommandWrittenStraightToKafkaIsSetAsideAndTheCaseStaysAsItWas() {
        send(command(Type.ACKNOWLEDGE).build(), null);

        assertThat(cases.isEmpty()).as("the case did not change").isTrue();
        assertThat(deadLetters.readValuesToList()).singleElement()
                .satisfies(letter -> assertThat(letter.error()).contains("OFFICER", "without search-service's signature"));
    }

    @Test
    void theSameCommandSignedBySearchServiceIsApplied() {
        send(command(Type.ACKNOWLEDGE).build(), SEARCH_SERVICE);

        assertThat(cases.readValuesToList()).extracting(CaseState::status).containsExactly(CaseStatus.ACKNOWLEDGED);
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    @Test
    void aLeadersCommandSignedWithAnotherKeyIsNoSignature() {
        send(command(Type.REOPEN).by(actor("leader")).build(), new CommandSignature("a-guess-by-someone-who-reached-the-broker"));

        assertThat(cases.isEmpty()).isTrue();
        assertThat(deadLetters.readValuesToList()).hasSize(1);
    }

    @Test
    void aCaseWrittenBeforeSealingHasItsContactAndAddressSealedByTheSignedMigration() {
        ContactKey key = ContactCipher.newKey("fb-1", commandAt);

        send(CaseCommand.sealContact("fb-1", MIGRATION, commandAt, sealedUnder(key)), SEARCH_SERVICE);

        CaseState sealed = cases.readValuesToList().get(0);
        assertThat(opened.contact().hasClearDetails()).as("given: the old format").isTrue();
        assertThat(sealed.contact().hasClearDetails()).isFalse();
        assertThat(sealed.address()).isNull();
        assertThat(sealed.contact().phoneMasked()).isEqualTo(opened.contact().phoneMasked());
        assertThat(ContactCipher.open(sealed.contact().sealed(), key))
                .isEqualTo(new ContactDetails("Nguyễn Văn A", "+84901234567", null, null, "số 12 ngõ 5"));
        assertThat(sealed.status()).isEqualTo(opened.status());
        assertThat(sealed.version()).isEqualTo(opened.version() + 1);
        assertThat(sealed.history().get(sealed.history().size() - 1).action()).isEqualTo("seal_contact");
    }

    @Test
    void aSealWrittenStraightToKafkaIsSetAsideAndTheContactStaysAsItWas() {
        send(CaseCommand.sealContact("fb-1", MIGRATION, commandAt, sealedUnder(ContactCipher.newKey("fb-1", commandAt))), null);

        assertThat(cases.isEmpty()).isTrue();
        assertThat(deadLetters.readValuesToList()).singleElement()
                .satisfies(letter -> assertThat(letter.error()).contains("seal_contact without search-service's signature"));
    }

    @Test
    void aContactAlreadySealedIsNotSealedAgain() {
        ContactKey key = ContactCipher.newKey("fb-1", commandAt);
        send(CaseCommand.sealContact("fb-1", MIGRATION, commandAt, sealedUnder(key)), SEARCH_SERVICE);
        cases.readValuesToList();

        send(CaseCommand.sealContact("fb-1", MIGRATION, commandAt, sealedUnder(ContactCipher.newKey("fb-1", commandAt))), SEARCH_SERVICE);

        assertThat(cases.isEmpty()).as("a second key would strand the first copy").isTrue();
    }

    private Contact sealedUnder(ContactKey key) {
        return opened.contact().withSealed(ContactCipher.seal(
                new ContactDetails(opened.contact().name(), opened.contact().phone(), null, null, opened.address()), key));
    }

    private void send(CaseCommand command, CommandSignature signedWith) {
        byte[] value = topics.caseCommands().valueSerde().serializer().serialize("", command);
        RecordHeaders headers = new RecordHeaders();
        if (signedWith != null) {
            headers.add(CommandSignature.HEADER, signedWith.sign(value));
        }
        TestInputTopic<String, byte[]> commands = driver.createInputTopic(topics.caseCommands().name(),
                Serdes.String().serializer(), Serdes.ByteArray().serializer());
        commands.pipeInput(new TestRecord<>(command.caseId(), value, headers, commandAt));
    }

    private static byte[] json(FeedbackReceived petition) {
        return topics.feedbackReceived().valueSerde().serializer().serialize("", petition);
    }
}
