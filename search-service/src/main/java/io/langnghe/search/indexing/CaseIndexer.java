package io.langnghe.search.indexing;

import io.langnghe.contracts.CaseState;
import io.langnghe.search.index.IndexSetup;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.serialization.Deserializer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the cases index in step with {@code cases.v1} (the loop is {@link TopicIndexer}'s). Of the
 * versions of one case in a bulk only the newest is written ({@link NewestPerKey}). A
 * tombstone removes its case; a record that is not a readable case goes to the dead-letter topic
 * and is committed past, and so does a case Elasticsearch refused for good (to {@code index.dlq.v1},
 * with Elasticsearch's reason): the rest of the batch is committed.
 */
@Singleton
public class CaseIndexer extends TopicIndexer {

    private final CaseWriter writer;
    private final DeadLetters deadLetters;
    private final Deserializer<CaseState> cases;

    public CaseIndexer(KafkaSettings kafka, IndexerSettings settings, IndexSetup indexSetup,
                       CaseWriter writer, DeadLetters deadLetters) {
        super(kafka, settings, indexSetup, kafka.topics().cases().name(), kafka.indexerGroupId(), "case", "records");
        this.writer = writer;
        this.deadLetters = deadLetters;
        this.cases = kafka.topics().cases().valueSerde().deserializer();
    }

    @Override
    protected void index(ConsumerRecords<byte[], byte[]> records) throws Exception {
        List<CaseChange> changes = new ArrayList<>();
        List<DeadLetters.Unreadable> unreadable = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            read(record, changes, unreadable);
        }
        List<Refusal> refusals = writer.write(NewestPerKey.of(changes));
        if (!refusals.isEmpty()) {
            setAside(records, refusals);
        }
        if (!unreadable.isEmpty()) {
            log.warn("{} unreadable records of {} sent to {}", unreadable.size(), kafka().topics().cases().name(), kafka().topics().feedbackDlq().name());
            deadLetters.sendAll(unreadable);
        }
    }

    /** The latest record of each refused case, whole, to the index's dead letters; acknowledged before the commit. */
    private void setAside(ConsumerRecords<byte[], byte[]> records, List<Refusal> refusals) throws Exception {
        List<DeadLetters.Unreadable> refused = DeadLetters.latestOfEach(records, refusals);
        log.warn("Elasticsearch refused {} cases for good; sent to {}: {}", refused.size(),
                kafka().topics().indexDlq().name(), refusals);
        deadLetters.sendAll(kafka().topics().indexDlq(), refused);
    }

    private void read(ConsumerRecord<byte[], byte[]> record, List<CaseChange> changes, List<DeadLetters.Unreadable> unreadable) {
        if (record.value() == null) {
            if (record.key() != null) {
                changes.add(new CaseChange.Removal(new String(record.key(), StandardCharsets.UTF_8)));
            }
            return;
        }
        try {
            CaseState state = cases.deserialize(record.topic(), record.value());
            if (state.caseId() == null || state.caseId().isBlank()) {
                unreadable.add(new DeadLetters.Unreadable(record, "case without caseId"));
            } else {
                changes.add(new CaseChange.Upsert(state));
            }
        } catch (RuntimeException e) {
            unreadable.add(new DeadLetters.Unreadable(record, String.valueOf(e.getMessage())));
        }
    }
}
