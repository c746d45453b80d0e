package io.langnghe.search.indexing;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import io.langnghe.search.alerts.AlertIndexer;
import io.langnghe.search.issues.IssueIndexer;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the read model in step with {@code cases.v1}, {@code issues.v1} and {@code alerts.v1} through one
 * consumer: the cases, issues and alerts of a poll go to Elasticsearch as one bulk, and the offsets of all
 * three are committed once it is confirmed ({@link TopicIndexer}). One bulk and one commit per poll rather
 * than one per topic: Elasticsearch pays per request (parsing, a translog sync per index) and Kafka per
 * fetch and commit, far more than per document at a ward's rates. When any topic's share must be tried
 * again the whole bulk is: external versions and {@code create} make the repeat harmless.
 */
@Singleton
public class ReadModelIndexer extends TopicIndexer {

    private final ElasticsearchClient client;
    private final DeadLetters deadLetters;
    private final List<IndexedTopic> topics;

    public ReadModelIndexer(KafkaSettings kafka, IndexerSettings settings, ElasticsearchClient client, DeadLetters deadLetters,
                            CaseIndexer cases, IssueIndexer issues, AlertIndexer alerts) {
        super(kafka, settings,
                List.of(cases.indexSetup(), issues.indexSetup(), alerts.indexSetup()),
                List.of(cases.topic(), issues.topic(), alerts.topic()),
                // the cases' group of earlier versions: cases resume where they were; issues and alerts are read
                // once more from the start, which their external versions and create make harmless
                kafka.indexerGroupId(), "read-model", "records");
        this.client = client;
        this.deadLetters = deadLetters;
        this.topics = List.of(cases, issues, alerts);
    }

    @Override
    protected void index(ConsumerRecords<byte[], byte[]> records) throws Exception {
        List<IndexedTopic.Share> shares = new ArrayList<>(topics.size());
        List<BulkOperation> operations = new ArrayList<>(records.count());
        for (IndexedTopic topic : topics) {
            List<ConsumerRecord<byte[], byte[]>> ofTopic = new ArrayList<>();
            records.records(topic.topic()).forEach(ofTopic::add);
            IndexedTopic.Share share = topic.share(ofTopic);
            shares.add(share);
            operations.addAll(share.operations());
        }
        List<BulkResponseItem> answers = List.of();
        if (!operations.isEmpty()) {
            BulkResponse response = client.bulk(b -> b.operations(operations));
            answers = response.items();
            if (answers.size() != operations.size()) {
                throw new IndexingFailedException("Elasticsearch answered " + answers.size() + " of " + operations.size() + " operations");
            }
        }
        // every share settles before anything is set aside, so a bulk tried again sends no dead letter twice
        List<IndexedTopic.SetAside> setAside = new ArrayList<>();
        int from = 0;
        for (IndexedTopic.Share share : shares) {
            int to = from + share.operations().size();
            setAside.addAll(share.settle(answers.subList(from, to)));
            from = to;
        }
        for (IndexedTopic.SetAside aside : setAside) {
            deadLetters.sendAll(aside.to(), aside.records());
        }
    }
}
