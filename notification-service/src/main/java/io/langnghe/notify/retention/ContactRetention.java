package io.langnghe.notify.retention;

import io.langnghe.contracts.CaseState;
import io.langnghe.contracts.Topics;
import io.langnghe.contracts.privacy.ContactKey;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Erases the contact of every case closed more than {@code contactMonths} ago: a tombstone for its key on
 * {@code contact.keys.v1}, as an erasure on request does.
 * <pre>
 * cases.v1 ──> keep the close time of each closed case with a sealed contact ──> contact-retention-due
 *              (reopened: forgotten)                  (ordered by close time)        │ every checkEvery:
 *                                                                                    └─> closed ≤ now − N months ─> tombstone ─> contact.keys.v1
 * </pre>
 * Each look reads the due store from its oldest entry up to the cut-off and no further, so its cost is the
 * contacts erased, not the cases kept. A case's first close time counts: a rating or a note after closing
 * does not push it back. Erasing twice is harmless, so a replay after a crash changes nothing.
 */
public final class ContactRetention {

    public static final String DUE_STORE = "contact-retention-due";
    public static final String BY_CASE_STORE = "contact-retention-by-case";

    private ContactRetention() {
    }

    public static void define(StreamsBuilder builder, KStream<String, CaseState> cases, Topics topics, RetentionSettings settings) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DUE_STORE), Serdes.String(), Serdes.String()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(BY_CASE_STORE), Serdes.String(), Serdes.String()));
        cases.process(() -> new Retain(settings), Named.as("contact-retention"), DUE_STORE, BY_CASE_STORE)
                .to(topics.contactKeys().name(), Produced.with(topics.contactKeys().keySerde(), topics.contactKeys().valueSerde())
                        .withName("retention-tombstones"));
    }

    /** "closed-at millis, zero-padded | case id": the store's byte order is then the order of closing. */
    static String dueKey(Instant closedAt, String caseId) {
        return String.format(Locale.ROOT, "%020d|%s", closedAt.toEpochMilli(), caseId);
    }

    private static final class Retain implements Processor<String, CaseState, String, ContactKey> {
        private static final String OLDEST = dueKey(Instant.EPOCH, "");

        private final RetentionSettings settings;
        private ProcessorContext<String, ContactKey> context;
        private KeyValueStore<String, String> due;
        private KeyValueStore<String, String> byCase;

        Retain(RetentionSettings settings) {
            this.settings = settings;
        }

        @Override
        public void init(ProcessorContext<String, ContactKey> context) {
            this.context = context;
            this.due = context.getStateStore(DUE_STORE);
            this.byCase = context.getStateStore(BY_CASE_STORE);
            context.schedule(settings.checkEvery(), PunctuationType.WALL_CLOCK_TIME, now -> erase(Instant.ofEpochMilli(now)));
        }

        @Override
        public void process(Record<String, CaseState> record) {
            CaseState state = record.value();
            String caseId = record.key();
            String held = byCase.get(caseId);
            boolean closedAndSealed = state != null && !state.isOpen() && state.contact() != null && state.contact().sealed() != null;
            if (!closedAndSealed) {
                if (held != null) {
                    due.delete(held);
                    byCase.delete(caseId);
                }
                return;
            }
            if (held == null) {
                String key = dueKey(state.updatedAt(), caseId);
                due.put(key, state.contact().sealed().keyId());
                byCase.put(caseId, key);
            }
        }

        private void erase(Instant now) {
            Instant cutOff = now.atOffset(ZoneOffset.UTC).minusMonths(settings.contactMonths()).toInstant();
            List<KeyValue<String, String>> expired = new ArrayList<>();
            try (KeyValueIterator<String, String> oldest = due.range(OLDEST, dueKey(cutOff, "\uffff"))) {
                oldest.forEachRemaining(expired::add);
            }
            for (KeyValue<String, String> entry : expired) {
                context.forward(new Record<String, ContactKey>(entry.value, null, now.toEpochMilli()));
                due.delete(entry.key);
                byCase.delete(entry.key.substring(entry.key.indexOf('|') + 1));
            }
        }
    }
}
