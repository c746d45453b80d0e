package io.langnghe.search.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import io.langnghe.contracts.CaseState;
import io.langnghe.contracts.Topic;
import io.langnghe.contracts.kafka.KafkaLogin;
import io.langnghe.contracts.kafka.TopicToEnd;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Rebuilds the cases index from the compacted {@code cases.v1} into a new concrete index, then
 * moves the alias to it in one {@code _aliases} call and drops the old index. Searches read the old
 * index until the switch; what the running indexer wrote to the old index meanwhile is still on the
 * topic after the first pass's end, so a second pass after the switch copies it too. External
 * versions make every write idempotent, whoever comes first.
 */
public class Reindexer {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);
    private static final int VERSION_CONFLICT = 409;
    private static final int NOT_FOUND = 404;

    private final ElasticsearchClient client;
    private final CasesIndex index;
    private final Map<String, Object> connection;
    private final Topic<String, CaseState> topic;
    private final Clock clock;

    /** How far the copy is, for the progress line. */
    public record Progress(long read, long indexed, long skipped, double perSecond) {
    }

    /** What the reindex did. */
    public record Outcome(String newIndex, List<String> removedIndices, long read, long indexed, long skipped) {
    }

    /** Reads the topic from a broker that wants no login. */
    public Reindexer(ElasticsearchClient client, CasesIndex index, String bootstrapServers,
                     Topic<String, CaseState> topic, Clock clock) {
        this(client, index, KafkaLogin.plaintext().clientConfig(bootstrapServers), topic, clock);
    }

    /** @param connection where the broker is and how to log in ({@link KafkaLogin#clientConfig}) */
    public Reindexer(ElasticsearchClient client, CasesIndex index, Map<String, Object> connection,
                     Topic<String, CaseState> topic, Clock clock) {
        this.client = client;
        this.index = index;
        this.connection = Map.copyOf(connection);
        this.topic = topic;
        this.clock = clock;
    }

    public Outcome run(Consumer<Progress> progress) throws IOException {
        IndexSetup setup = new IndexSetup(client, index, "/elasticsearch/cases-template.json");
        setup.ensure();
        Set<String> old = client.indices().getAlias(a -> a.name(index.alias())).result().keySet();
        String fresh = index.alias() + "-v" + CasesIndex.CURRENT_VERSION + "-" + STAMP.format(clock.instant());
        // No refresh while loading: faster, and nobody reads the new index before the switch.
        client.indices().create(c -> c.index(fresh).settings(s -> s.refreshInterval(t -> t.time("-1"))));
        Counts counts = new Counts(clock.millis());
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            TopicToEnd<byte[], byte[]> cases = TopicToEnd.fromBeginning(consumer, topic.name(), Duration.ofSeconds(30));
            copy(cases, fresh, counts, progress);
            setup.refreshAsTemplated(fresh);
            client.indices().refresh(r -> r.index(fresh));
            switchAlias(old, fresh);
            // What the running indexer wrote to the old index during the first pass.
            copy(cases, fresh, counts, progress);
        }
        List<String> removed = new ArrayList<>();
        for (String name : old) {
            client.indices().delete(d -> d.index(name));
            removed.add(name);
        }
        progress.accept(counts.progress(clock.millis()));
        return new Outcome(fresh, removed, counts.read, counts.indexed, counts.skipped);
    }

    private void switchAlias(Set<String> old, String fresh) throws IOException {
        client.indices().updateAliases(u -> {
            for (String name : old) {
                u.actions(a -> a.remove(r -> r.index(name).alias(index.alias())));
            }
            return u.actions(a -> a.add(add -> add.index(fresh).alias(index.alias()).isWriteIndex(true)));
        });
    }

    private void copy(TopicToEnd<byte[], byte[]> cases, String target, Counts counts, Consumer<Progress> progress) throws IOException {
        Deserializer<CaseState> states = topic.valueSerde().deserializer();
        long[] lastShown = {clock.millis()};
        try {
            cases.readToEnd(records -> {
                BulkRequest.Builder bulk = new BulkRequest.Builder();
                int operations = 0;
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    counts.read++;
                    if (record.value() == null && record.key() != null) {
                        String caseId = new String(record.key(), StandardCharsets.UTF_8);
                        bulk.operations(op -> op.delete(d -> d.index(target).id(caseId)));
                        operations++;
                        continue;
                    }
                    CaseState state = decode(states, record);
                    if (state == null || state.caseId() == null) {
                        // The indexer sent it to the dead letters already; a reindex does not repeat that.
                        counts.skipped++;
                        continue;
                    }
                    bulk.operations(op -> op.index(i -> i
                            .index(target)
                            .id(state.caseId())
                            .version(state.version())
                            .versionType(VersionType.External)
                            .document(CaseDocument.of(state))));
                    operations++;
                }
                if (operations > 0) {
                    write(bulk.build(), counts);
                }
                if (clock.millis() - lastShown[0] >= 1000) {
                    progress.accept(counts.progress(clock.millis()));
                    lastShown[0] = clock.millis();
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private void write(BulkRequest request, Counts counts) {
        BulkResponse response;
        try {
            response = client.bulk(request);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (BulkResponseItem item : response.items()) {
            if (item.error() == null || item.status() == VERSION_CONFLICT || item.status() == NOT_FOUND) {
                counts.indexed++;
            } else {
                throw new UncheckedIOException(new IOException("Elasticsearch refused case " + item.id() + ": " + item.error().type()
                        + " " + item.error().reason() + "; the old index and the alias are untouched before the switch"));
            }
        }
    }

    private static CaseState decode(Deserializer<CaseState> states, ConsumerRecord<byte[], byte[]> record) {
        try {
            return states.deserialize(record.topic(), record.value());
        } catch (RuntimeException e) {
            return null;
        }
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        Map<String, Object> config = new HashMap<>();
        config.putAll(connection);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private static final class Counts {
        private final long startedAt;
        private long read;
        private long indexed;
        private long skipped;

        private Counts(long startedAt) {
            this.startedAt = startedAt;
        }

        private Progress progress(long now) {
            double seconds = Math.max(0.001, (now - startedAt) / 1000.0);
            return new Progress(read, indexed, skipped, read / seconds);
        }
    }
}
