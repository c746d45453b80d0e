package io.langnghe.testsupport;

import io.langnghe.contracts.Topics;
import io.langnghe.contracts.kafka.TopicToEnd;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reindex reads cases.v1 to its end, switches the alias, then reads what came meanwhile, while the
 * running indexer keeps writing: on the real broker, the two reads together get every record once,
 * none skipped though a poll of the first read brought records from past its end.
 */
class TopicToEndTest {

    private static final Duration WITHIN = Duration.ofSeconds(30);

    @Test
    void twoReadsWhileTheTopicIsWrittenReadEveryRecordOnceWithoutAGap() throws Exception {
        Topics topics = SharedInfrastructure.createTopics(SharedInfrastructure.uniquePrefix());
        String topic = topics.cases().name();
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService writer = Executors.newSingleThreadExecutor();
        try (KafkaProducer<String, String> producer = producer(); KafkaConsumer<String, String> consumer = consumer()) {
            send(producer, topic, 0, 2000);
            // the running indexer keeps writing while a reindex reads: a poll can bring records past the end it set
            Future<?> written = writer.submit(() -> {
                for (int i = 2000; writing.get(); i++) {
                    producer.send(new ProducerRecord<>(topic, "case-" + i, "v" + i));
                }
                producer.flush();
            });
            TopicToEnd<String, String> cases = TopicToEnd.fromBeginning(consumer, topic, WITHIN);
            Map<Integer, List<Long>> offsets = new HashMap<>();
            Consumer<List<ConsumerRecord<String, String>>> keep = batch -> batch.forEach(record ->
                    offsets.computeIfAbsent(record.partition(), p -> new ArrayList<>()).add(record.offset()));
            long first = cases.readToEnd(WITHIN, keep);
            long second = cases.readToEnd(WITHIN, keep);
            writing.set(false);
            written.get(30, TimeUnit.SECONDS);

            assertThat(first).isGreaterThanOrEqualTo(2000);
            assertThat(second).isPositive();
            offsets.forEach((partition, read) -> {
                assertThat(read).as("offsets of partition %d read twice", partition).doesNotHaveDuplicates();
                assertThat(read.size()).as("offsets of partition %d read, from 0 to the last one read", partition)
                        .isEqualTo(read.stream().mapToLong(Long::longValue).max().orElse(-1) + 1);
            });
        } finally {
            writing.set(false);
            writer.shutdownNow();
        }
    }

    private static void send(KafkaProducer<String, String> producer, String topic, int from, int to) {
        for (int i = from; i < to; i++) {
            producer.send(new ProducerRecord<>(topic, "case-" + i, "v" + i));
        }
        producer.flush();
    }

    private static KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
    }

    private static KafkaConsumer<String, String> consumer() {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.kafkaBootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500), new StringDeserializer(), new StringDeserializer());
    }
}
