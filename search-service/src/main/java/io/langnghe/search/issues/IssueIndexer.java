package io.langnghe.search.issues;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import io.langnghe.contracts.IssueState;
import io.langnghe.search.index.ElasticsearchSettings;
import io.langnghe.search.index.IndexSetup;
import io.langnghe.search.indexing.BulkOutcome;
import io.langnghe.search.indexing.DeadLetters;
import io.langnghe.search.indexing.IndexerSettings;
import io.langnghe.search.indexing.KafkaSettings;
import io.langnghe.search.indexing.NewestPerKey;
import io.langnghe.search.indexing.Refusal;
import io.langnghe.search.indexing.TopicIndexer;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.serialization.Deserializer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the issues index in step with {@code issues.v1}, with the case indexer's discipline: of the
 * versions of one issue in a bulk only the newest is written ({@link NewestPerKey}), with the issue's
 * version as external version (a replay of older versions is refused with a 409, which is success), the
 * offsets committed only once Elasticsearch confirmed the bulk ({@link TopicIndexer}). A tombstone deletes
 * the issue, so its cases fall back to their own risk. An unreadable record, or an issue Elasticsearch refused
 * for good, goes whole to {@code index.dlq.v1} and the rest of the bulk is committed.
 */
@Singleton
public class IssueIndexer extends TopicIndexer {


    private final ElasticsearchClient client;
    private final String alias;
    private final DeadLetters deadLetters;
    private final Deserializer<IssueState> issues;
    private final BulkOutcome outcome;

    public IssueIndexer(KafkaSettings kafka, IndexerSettings settings, ElasticsearchClient client,
                        ElasticsearchSettings elasticsearch, DeadLetters deadLetters, MeterRegistry metrics) {
        super(kafka, settings, new IndexSetup(client, IssuesIndex.of(elasticsearch), IssuesIndex.TEMPLATE_RESOURCE),
                kafka.topics().issues().name(), kafka.indexerGroupId() + ".issues", "issue", "issues");
        this.client = client;
        this.alias = indexSetup().index().alias();
        this.deadLetters = deadLetters;
        this.issues = kafka.topics().issues().valueSerde().deserializer();
        this.outcome = new BulkOutcome(metrics.counter("langnghe.search.issues.indexed"),
                metrics.counter("langnghe.search.issues.superseded"), metrics.counter("langnghe.search.issues.refused"));
    }

    @Override
    protected void index(ConsumerRecords<byte[], byte[]> records) throws Exception {
        List<IssueChange> changes = new ArrayList<>();
        List<DeadLetters.Unreadable> unreadable = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            read(record, changes, unreadable);
        }
        List<Refusal> refusals = write(NewestPerKey.of(changes));
        if (!refusals.isEmpty()) {
            log.warn("Elasticsearch refused {} issues for good; sent to {}: {}", refusals.size(),
                    kafka().topics().indexDlq().name(), refusals);
            unreadable.addAll(DeadLetters.latestOfEach(records, refusals));
        }
        if (!unreadable.isEmpty()) {
            log.warn("{} records of {} set aside in {}", unreadable.size(), kafka().topics().issues().name(),
                    kafka().topics().indexDlq().name());
            deadLetters.sendAll(kafka().topics().indexDlq(), unreadable);
        }
    }

    private void read(ConsumerRecord<byte[], byte[]> record, List<IssueChange> changes, List<DeadLetters.Unreadable> unreadable) {
        if (record.value() == null) {
            if (record.key() != null) {
                changes.add(new IssueChange.Removal(new String(record.key(), StandardCharsets.UTF_8)));
            }
            return;
        }
        try {
            IssueState state = issues.deserialize(record.topic(), record.value());
            if (state.issueId() == null || state.issueId().isBlank()) {
                unreadable.add(new DeadLetters.Unreadable(record, "issue without issueId"));
            } else {
                changes.add(new IssueChange.Upsert(state));
            }
        } catch (RuntimeException e) {
            unreadable.add(new DeadLetters.Unreadable(record, String.valueOf(e.getMessage())));
        }
    }

    /** Returns the issues refused for good; throws when any must be tried again. */
    private List<Refusal> write(List<IssueChange> changes) throws IOException {
        if (changes.isEmpty()) {
            return List.of();
        }
        return outcome.read(client.bulk(bulk(changes)), "issues", i -> { });
    }

    private BulkRequest bulk(List<IssueChange> changes) {
        BulkRequest.Builder bulk = new BulkRequest.Builder();
        for (IssueChange change : changes) {
            if (change instanceof IssueChange.Upsert upsert) {
                bulk.operations(op -> op
                        .index(i -> i
                                .index(alias)
                                .id(upsert.key())
                                .version(upsert.state().version())
                                .versionType(VersionType.External)
                                .document(IssueDocument.of(upsert.state()))));
            } else {
                bulk.operations(op -> op
                        .delete(d -> d
                                .index(alias)
                                .id(change.key())));
            }
        }
        return bulk.build();
    }
}
