package io.langnghe.search.privacy;

import io.langnghe.contracts.CaseCommand;
import io.langnghe.contracts.CaseState;
import io.langnghe.contracts.Contact;
import io.langnghe.contracts.kafka.CommandSignature;
import io.langnghe.contracts.kafka.TopicToEnd;
import io.langnghe.contracts.privacy.ContactCipher;
import io.langnghe.contracts.privacy.ContactDetails;
import io.langnghe.contracts.privacy.ContactKey;
import io.langnghe.contracts.privacy.KafkaContactKeys;
import io.langnghe.search.indexing.AcknowledgedProducer;
import io.langnghe.search.indexing.KafkaSettings;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Seals the contacts of cases written before contacts were sealed (Decree 13/2023/ND-CP), so they can
 * be erased like any other: reads {@code cases.v1} to its end, and for each case whose newest version
 * still holds a name, phone, e-mail, Zalo id or address in clear, puts a key for the case on
 * {@code contact.keys.v1} (acknowledged first, as ingest does) and sends routing-streams a signed
 * {@code seal_contact} command with the contact sealed under it; routing-streams writes the sealed
 * version, which the indexer then writes over the clear document. Run it again at will: a case
 * already sealed is skipped, and a key a run left without its command is used again.
 */
public final class OldContactSealing implements AutoCloseable {

    static final CaseCommand.Actor MIGRATION = new CaseCommand.Actor("cli:seal-old-contacts", "SYSTEM", null);

    private final KafkaSettings kafka;
    private final AcknowledgedProducer<ContactKey> keys;
    private final AcknowledgedProducer<CaseCommand> commands;
    private final KafkaContactKeys known;
    private final Clock clock;

    /** How far it got: cases read, cases found in clear, commands sent. */
    public record Progress(long casesRead, long inClear, long sealed) {
    }

    public OldContactSealing(KafkaSettings kafka, String commandsSecret, Clock clock) {
        this.kafka = kafka;
        this.clock = clock;
        this.keys = new AcknowledgedProducer<>(kafka, kafka.topics().contactKeys());
        this.commands = new AcknowledgedProducer<>(kafka, kafka.topics().caseCommands(),
                new CommandSignature(commandsSecret).signing(kafka.topics().caseCommands().valueSerde().serializer()));
        this.known = new KafkaContactKeys(kafka.connection(), kafka.topics().contactKeys(), Duration.ofSeconds(30));
    }

    public Progress run(Consumer<Progress> progress) {
        Map<String, CaseState> inClear = casesInClear(progress);
        if (!known.awaitCaughtUp(Duration.ofSeconds(60))) {
            throw new IllegalStateException("the contact keys topic could not be read to its end within 60 s");
        }
        long sealed = 0;
        for (CaseState state : inClear.values()) {
            // a key left by an earlier run that stopped before its command: the same key, so nothing is stranded
            ContactKey key = known.known(state.caseId()).orElseGet(() -> published(ContactCipher.newKey(state.caseId(), clock.instant())));
            Contact contact = state.contact() == null ? Contact.none() : state.contact();
            ContactDetails details = new ContactDetails(contact.name(), contact.phone(), contact.email(), contact.zaloUserId(), state.address());
            commands.send(state.caseId(), CaseCommand.sealContact(state.caseId(), MIGRATION, clock.instant(),
                    contact.withSealed(ContactCipher.seal(details, key))));
            sealed++;
            if (sealed % 500 == 0) {
                progress.accept(new Progress(-1, inClear.size(), sealed));
            }
        }
        return new Progress(-1, inClear.size(), sealed);
    }

    private ContactKey published(ContactKey key) {
        keys.send(key.keyId(), key);
        known.remember(key);
        return key;
    }

    /** The newest version of every case that still names or reaches its resident in clear. */
    private Map<String, CaseState> casesInClear(Consumer<Progress> progress) {
        Map<String, CaseState> inClear = new LinkedHashMap<>();
        Deserializer<CaseState> states = kafka.topics().cases().valueSerde().deserializer();
        long read;
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            long[] seen = {0};
            read = TopicToEnd.fromBeginning(consumer, kafka.topics().cases().name(), Duration.ofSeconds(30)).readToEnd(records -> {
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    String caseId = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
                    CaseState state = decoded(states, record);
                    if (state == null || !isClear(state)) {
                        inClear.remove(caseId);
                    } else {
                        inClear.put(caseId, state);
                    }
                    if (++seen[0] % 10_000 == 0) {
                        progress.accept(new Progress(seen[0], inClear.size(), 0));
                    }
                }
            });
        }
        progress.accept(new Progress(read, inClear.size(), 0));
        return inClear;
    }

    static boolean isClear(CaseState state) {
        return (state.contact() != null && state.contact().hasClearDetails() && state.contact().sealed() == null)
                || (state.address() != null && (state.contact() == null || state.contact().sealed() == null));
    }

    private static CaseState decoded(Deserializer<CaseState> states, ConsumerRecord<byte[], byte[]> record) {
        if (record.value() == null) {
            return null;
        }
        try {
            return states.deserialize(record.topic(), record.value());
        } catch (RuntimeException e) {
            // the indexer's dead letters hold it already; nothing here to seal
            return null;
        }
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        Map<String, Object> config = new HashMap<>(kafka.connection());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    @Override
    public void close() {
        keys.close();
        commands.close();
        known.close();
    }
}
