package io.langnghe.search.indexing;

import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import io.langnghe.contracts.DeadLetter;
import io.langnghe.contracts.Topic;
import io.langnghe.search.index.IndexSetup;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.List;

/**
 * One topic of the read model (cases, issues, alerts) as {@link ReadModelIndexer} writes it: its records
 * of a poll become operations of the one bulk the poll sends, and it reads Elasticsearch's answers to
 * those operations. What a topic cannot index goes to a dead-letter topic, sent before the commit.
 */
public interface IndexedTopic {

    String topic();

    /** The index this topic is written to, prepared before the first poll. */
    IndexSetup indexSetup();

    /** Reads this topic's records of one bulk, in topic order. */
    Share share(List<ConsumerRecord<byte[], byte[]>> records);

    /** A topic's part of one bulk: the operations it asks for, and what becomes of their answers. */
    interface Share {

        List<BulkOperation> operations();

        /**
         * Reads the answers to {@link #operations()}, in their order; throws when any must be tried again.
         * Returns the records to set aside, which are sent only once every share of the bulk settled.
         */
        List<SetAside> settle(List<BulkResponseItem> answers);
    }

    /** Records sent whole to a dead-letter topic, so the indexer commits past them and nothing is lost. */
    record SetAside(Topic<String, DeadLetter> to, List<DeadLetters.Unreadable> records) {
    }
}
