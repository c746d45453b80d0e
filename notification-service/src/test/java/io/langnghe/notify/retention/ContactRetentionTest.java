package io.langnghe.notify.retention;

import io.langnghe.contracts.CaseState;
import io.langnghe.contracts.CaseStatus;
import io.langnghe.contracts.Contact;
import io.langnghe.contracts.Topics;
import io.langnghe.contracts.privacy.ContactKey;
import io.langnghe.notify.TestCases;
import io.langnghe.testsupport.StateDirectories;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Given cases closing and reopening, when the hourly look passes their 24th month after closing, then
 * exactly their keys get a tombstone, once.
 */
class ContactRetentionTest {

    private static final Topics TOPICS = Topics.withPrefix("retention.test");
    private static final Instant START = Instant.parse("2024-01-10T00:00:00Z");

    private TopologyTestDriver driver;
    private TestInputTopic<String, CaseState> cases;
    private TestOutputTopic<String, ContactKey> keys;

    @BeforeEach
    void start() {
        StreamsBuilder builder = new StreamsBuilder();
        ContactRetention.define(builder, builder.stream(TOPICS.cases().name(),
                Consumed.with(TOPICS.cases().keySerde(), TOPICS.cases().valueSerde())), TOPICS, new RetentionSettings(24, Duration.ofHours(1)));
        Properties properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "contact-retention-test");
        properties.put(StreamsConfig.STATE_DIR_CONFIG, StateDirectories.fresh());
        driver = new TopologyTestDriver(builder.build(), properties, START);
        cases = driver.createInputTopic(TOPICS.cases().name(), TOPICS.cases().keySerde().serializer(), TOPICS.cases().valueSerde().serializer());
        keys = driver.createOutputTopic(TOPICS.contactKeys().name(), TOPICS.contactKeys().keySerde().deserializer(),
                TOPICS.contactKeys().valueSerde().deserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void erasesTheContactsOfCasesClosedMoreThanTwentyFourMonthsAgoOnce() {
        //           case          status       at (updatedAt)             contact
        change("case-closed-jan", CaseStatus.RESOLVED, "2024-01-10T00:00:00Z", true);
        change("case-closed-mar", CaseStatus.CLOSED, "2024-03-01T00:00:00Z", true);
        change("case-open", CaseStatus.IN_PROGRESS, "2024-01-10T00:00:00Z", true);
        change("case-older-clear", CaseStatus.CLOSED, "2024-01-10T00:00:00Z", false);   // written before sealing: no key
        change("case-reopened", CaseStatus.RESOLVED, "2024-01-10T00:00:00Z", true);
        change("case-reopened", CaseStatus.REOPENED, "2024-01-12T00:00:00Z", true);     // open again: its clock stops
        change("case-closed-jan", CaseStatus.RESOLVED, "2024-06-01T00:00:00Z", true);   // rated later: still closed since January

        driver.advanceWallClockTime(Duration.ofDays(365 * 2 - 1));
        assertThat(keys.readKeyValuesToList()).as("a day short of 24 months").isEmpty();

        driver.advanceWallClockTime(Duration.ofDays(2));
        assertThat(keys.readKeyValuesToList()).containsExactly(KeyValue.pair("case-closed-jan", null));

        driver.advanceWallClockTime(Duration.ofDays(60));
        assertThat(keys.readKeyValuesToList()).as("each key erased once").containsExactly(KeyValue.pair("case-closed-mar", null));
    }

    private void change(String caseId, CaseStatus status, String at, boolean sealed) {
        Contact contact = sealed
                ? new Contact(null, null, "+84 90x xxx x67", "h", true).withSealed(new Contact.Sealed(caseId, "c2VhbGVk"))
                : new Contact("Nguyễn Văn An", "+84901234567", "+84 90x xxx x67", "h", true);
        CaseState state = TestCases.smsCase().id(caseId).contact(contact).then(status, Instant.parse(at)).build();
        cases.pipeInput(caseId, state, Instant.parse(at));
    }
}
