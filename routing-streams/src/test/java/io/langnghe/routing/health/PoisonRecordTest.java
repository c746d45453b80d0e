package io.langnghe.routing.health;

import io.langnghe.contracts.DeadLetter;
import io.langnghe.contracts.JsonSerde;
import io.langnghe.contracts.Topics;
import io.langnghe.testsupport.SharedInfrastructure;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With the real broker and exactly-once processing, as routing-streams runs: a record whose processing
 * throws kills its stream thread, the thread is replaced, and when the record fails again it is set aside
 * in the dead letters with the exception while the records after it are processed once each.
 */
class PoisonRecordTest {

    private final String prefix = SharedInfrastructure.uniquePrefix();
    private final Topics topics = SharedInfrastructure.createTopics(prefix);
    private final String input = prefix + ".poison.in.v1";
    private final String output = prefix + ".poison.out.v1";
    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private KafkaStreams streams;

    @AfterEach
    void stop() {
        if (streams != null) {
            streams.close(Duration.ofSeconds(20));
        }
    }

    @Test
    void aRecordThatFailsTwiceGoesToTheDeadLettersAndTheStreamMovesOn() throws Exception {
        createTopics();
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(input, Consumed.with(Serdes.String(), Serdes.String()))
                .mapValues(value -> {
                    if (value.contains("poison")) {
                        throw new IllegalStateException("cannot route " + value);
                    }
                    return value.toUpperCase();
                })
                .to(output, Produced.with(Serdes.String(), Serdes.String()));
        streams = new KafkaStreams(builder.build(), config());
        StreamsWatch watch = new StreamsWatch(metrics);
        watch.watch(streams, Clock.systemUTC());
        streams.start();

        send("1", "first");
        send("2", "poison pill");
        send("3", "third");

        // the failing stream thread dies on purpose; that is no failure of the test
        await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(90)).until(() -> readCommitted(output).size() >= 2);
        assertThat(readCommitted(output)).extracting(r -> r.key() + "=" + new String(r.value(), StandardCharsets.UTF_8))
                .containsExactly("1=FIRST", "3=THIRD");
        List<ConsumerRecord<String, byte[]>> letters = readCommitted(topics.feedbackDlq().name());
        assertThat(letters).hasSize(1);
        DeadLetter letter = new JsonSerde<>(DeadLetter.class).deserializer().deserialize("", letters.get(0).value());
        assertThat(letter.sourceTopic()).isEqualTo(input);
        assertThat(letter.offset()).isEqualTo(1);
        assertThat(letter.failedBy()).isEqualTo("routing-streams");
        assertThat(letter.error()).contains("IllegalStateException: cannot route poison pill");
        assertThat(new String(Base64.getDecoder().decode(letter.valueBase64()), StandardCharsets.UTF_8)).isEqualTo("poison pill");
        // the poison cost at least one replacement; a slow broker may legitimately cost more, each healed alike
        assertThat(metrics.counter("langnghe.routing.stream.threads.replaced").count()).isGreaterThanOrEqualTo(1.0);
        await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(30)).until(() -> watch.state(streams).state() == KafkaStreams.State.RUNNING);
    }

    private Properties config() throws Exception {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, prefix + ".poison-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.kafkaBootstrapServers());
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        config.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("poison-test").toString());
        config.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, RetryOnceThenDeadLetter.class.getName());
        config.put(RetryOnceThenDeadLetter.DEAD_LETTER_TOPIC, topics.feedbackDlq().name());
        config.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        return config;
    }

    private void createTopics() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.kafkaBootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(input, 1, (short) 1), new NewTopic(output, 1, (short) 1))).all().get();
            // a rebalance that finds no metadata for the new input yet kills the thread (MissingSourceTopicException)
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                    .until(() -> admin.describeTopics(List.of(input, output)).allTopicNames().get().size() == 2);
        }
    }

    private void send(String key, String value) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(input, key, value)).get();
        }
    }

    /** What a reader of committed transactions sees, over every partition: aborted attempts left out. */
    private static List<ConsumerRecord<String, byte[]>> readCommitted(String topic) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.kafkaBootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }
}
