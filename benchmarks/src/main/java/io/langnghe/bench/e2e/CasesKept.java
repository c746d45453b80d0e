package io.langnghe.bench.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.langnghe.contracts.Channel;
import io.langnghe.contracts.Contact;
import io.langnghe.contracts.FeedbackReceived;
import io.langnghe.contracts.Json;
import io.langnghe.contracts.Topic;
import io.langnghe.contracts.Topics;
import io.langnghe.contracts.TrackingCode;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;

/**
 * {@code --cases-kept N}: gives the stack a history before the load, quickly and through the same door
 * the intake uses: N petitions written over the past days straight onto {@code feedback.received.v1}
 * (so routing-streams classifies, keeps and indexes each as it would a real one), then waits until the
 * cases index holds as many more cases and the last ones sent are searchable (a backlog of earlier
 * petitions could otherwise make up the count).
 */
final class CasesKept {

    private static final int LAST_ONES = 100;

    private final Stack stack;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    CasesKept(Stack stack) {
        this.stack = stack;
    }

    /** Sends N petitions and returns once the index holds them, or throws after the bound. */
    void fill(int count, long seed, Duration bound, LongConsumer progress) throws Exception {
        long before = indexedCases();
        Topic<String, FeedbackReceived> topic = Topics.withPrefix(stack.topicsPrefix()).feedbackReceived();
        String run = Long.toString(System.currentTimeMillis(), 36);
        SplittableRandom random = new SplittableRandom(seed);
        List<Petitions.Petition> petitions = Petitions.everyday(count, seed);
        Searchability lastOnes = new Searchability(stack);
        try (KafkaProducer<String, FeedbackReceived> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"),
                topic.keySerde().serializer(), topic.valueSerde().serializer())) {
            for (int i = 0; i < petitions.size(); i++) {
                FeedbackReceived petition = received("kept-" + run + "-" + i, petitions.get(i), random);
                producer.send(new ProducerRecord<>(topic.name(), petition.feedbackId(), petition));
                if (i >= petitions.size() - LAST_ONES) {
                    lastOnes.watch(new OpenLoad.Accepted(petition.feedbackId(), System.nanoTime()));
                }
            }
            producer.flush();
        }
        long deadline = System.nanoTime() + bound.toNanos();
        long indexed;
        while ((indexed = indexedCases() - before) < count || lastOnes.poll() > 0) {
            progress.accept(indexed);
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + indexed + " of the " + count + " cases kept were indexed within "
                        + bound.toSeconds() + " s");
            }
            Thread.sleep(500);
        }
        progress.accept(indexed);
    }

    private static FeedbackReceived received(String id, Petitions.Petition p, SplittableRandom random) {
        Contact contact = p.phone() == null ? Contact.none()
                : new Contact(null, "+84" + p.phone().substring(1), null, sha256(p.phone()), false);
        return new FeedbackReceived(FeedbackReceived.SCHEMA_VERSION, id, TrackingCode.generate(random).value(), Channel.WEB,
                p.writtenAt(), p.text(), p.area(), null, contact, null, null, null, Map.of("bench", "e2e"));
    }

    /** Cases in the alias officers search, as their searches see them (after the index refreshed). */
    long indexedCases() throws IOException, InterruptedException {
        String base = stack.elasticsearch().replaceAll("/+$", "") + "/" + stack.casesAlias();
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + "/_count")).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (answer.statusCode() == 404) {
            return 0;
        }
        JsonNode count = Json.mapper().readTree(answer.body()).path("count");
        if (!count.isNumber()) {
            throw new IOException("Elasticsearch answered " + answer.statusCode() + " to " + base + "/_count: " + answer.body());
        }
        return count.asLong();
    }

    private static String sha256(String phone) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(phone.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
