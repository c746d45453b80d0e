package io.langnghe.bench.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.langnghe.access.LangngheSecrets;
import io.langnghe.access.Roles;
import io.langnghe.contracts.CaseCommand;
import io.langnghe.contracts.CaseStatus;
import io.langnghe.contracts.Channel;
import io.langnghe.contracts.Contact;
import io.langnghe.contracts.FeedbackReceived;
import io.langnghe.contracts.Json;
import io.langnghe.contracts.Topic;
import io.langnghe.contracts.Topics;
import io.langnghe.contracts.TrackingCode;
import io.langnghe.contracts.kafka.CommandSignature;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * {@code --cases-kept N}: gives the stack a history before the load, quickly and through the same doors
 * the intake and the officers use: N petitions written over the past year straight onto
 * {@code feedback.received.v1} (so routing-streams classifies, keeps and indexes each as it would a real
 * one), then, as the ward's officers would have by now, most of those older than a month and half of those of
 * the last month but one week are started, resolved and closed through {@code case.commands.v1}. It waits until the
 * cases index holds the new cases and the closed ones as closed (a backlog of earlier petitions could otherwise make
 * up the count).
 */
final class CasesKept {

    private static final int LAST_ONES = 100;
    private static final Duration HISTORY = Duration.ofDays(365);
    /** Of the cases older than a month, the share closed by now; of those older than a week, half. */
    private static final double CLOSED_AFTER_A_MONTH = 0.95;
    private static final double CLOSED_AFTER_A_WEEK = 0.5;
    private static final int PAGE = 10_000;
    private static final CaseCommand.Actor LEADER = new CaseCommand.Actor("bench-leader", Roles.LEADER, null);

    /** What the fill reports while it waits: the cases indexed, then the closed ones seen closed. */
    interface Progress {
        void at(String phase, long done, long of);
    }

    private final Stack stack;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    CasesKept(Stack stack) {
        this.stack = stack;
    }

    /**
     * Sends N petitions, closes most of the older ones, and returns how many it closed once the index shows both, or
     * throws after the bound.
     */
    long fill(int count, long seed, Duration bound, Progress progress) throws Exception {
        long deadline = System.nanoTime() + bound.toNanos();
        long before = indexedCases();
        Topics topics = Topics.withPrefix(stack.topicsPrefix());
        String run = "kept-" + Long.toString(System.currentTimeMillis(), 36) + "-";
        SplittableRandom random = new SplittableRandom(seed);
        List<Petitions.Petition> petitions = Petitions.spreadOver(HISTORY, count, seed);
        Searchability lastOnes = new Searchability(stack);
        Topic<String, FeedbackReceived> received = topics.feedbackReceived();
        try (KafkaProducer<String, FeedbackReceived> producer = producer(received, received.valueSerde().serializer())) {
            for (int i = 0; i < petitions.size(); i++) {
                FeedbackReceived petition = received(run + i, petitions.get(i), random);
                producer.send(new ProducerRecord<>(received.name(), petition.feedbackId(), petition));
                if (i >= petitions.size() - LAST_ONES) {
                    lastOnes.watch(new OpenLoad.Accepted(petition.feedbackId(), System.nanoTime()));
                }
            }
            producer.flush();
        }
        long indexed;
        while ((indexed = indexedCases() - before) < count || lastOnes.poll() > 0) {
            progress.at("indexed", indexed, count);
            awaitBefore(deadline, "only " + indexed + " of the " + count + " cases kept were indexed");
        }
        progress.at("indexed", indexed, count);

        long closing = close(run, topics.caseCommands(), random);
        long closed;
        while ((closed = closedCases(run)) < closing) {
            progress.at("closed", closed, closing);
            awaitBefore(deadline, "only " + closed + " of the " + closing + " cases kept to close were closed");
        }
        progress.at("closed", closed, closing);
        return closing;
    }

    private static void awaitBefore(long deadline, String otherwise) throws InterruptedException {
        if (System.nanoTime() > deadline) {
            throw new IllegalStateException(otherwise + " in time");
        }
        Thread.sleep(500);
    }

    /**
     * Starts, resolves and closes the kept cases an officer would have by now (an officer of the case's department,
     * then a leader closes it), each step a few days after the last, at its own time; returns how many.
     */
    private long close(String run, Topic<String, CaseCommand> commands, SplittableRandom random) throws IOException, InterruptedException {
        Instant now = Instant.now();
        long closing = 0;
        // signed as search-service signs an officer's command after their login, with the stack's own key: routing-streams
        // sets aside any person's command without it
        CommandSignature signature = new CommandSignature(Optional.ofNullable(System.getenv("LANGNGHE_SECRETS_COMMANDS"))
                .filter(secret -> !secret.isBlank()).orElse(LangngheSecrets.DEMO));
        try (KafkaProducer<String, CaseCommand> producer = producer(commands, signature.signing(commands.valueSerde().serializer()))) {
            for (Kept kept : keptCases(run)) {
                Duration age = Duration.between(kept.receivedAt(), now);
                double share = age.compareTo(Duration.ofDays(30)) > 0 ? CLOSED_AFTER_A_MONTH
                        : age.compareTo(Duration.ofDays(7)) > 0 ? CLOSED_AFTER_A_WEEK : 0;
                if (!CaseStatus.ASSIGNED.code().equals(kept.status()) || random.nextDouble() >= share) {
                    continue;
                }
                CaseCommand.Actor officer = new CaseCommand.Actor("bench-officer", Roles.OFFICER, kept.department());
                send(producer, commands, kept, CaseCommand.Type.START, officer, 1);
                send(producer, commands, kept, CaseCommand.Type.RESOLVE, officer, 3);
                send(producer, commands, kept, CaseCommand.Type.CLOSE, LEADER, 4);
                closing++;
            }
            producer.flush();
        }
        return closing;
    }

    private static void send(KafkaProducer<String, CaseCommand> producer, Topic<String, CaseCommand> commands, Kept kept,
                             CaseCommand.Type type, CaseCommand.Actor actor, int daysAfter) {
        Instant at = kept.receivedAt().plus(Duration.ofDays(daysAfter));
        CaseCommand command = CaseCommand.of(kept.caseId() + ":" + type.code(), kept.caseId(), type, actor, at);
        producer.send(new ProducerRecord<>(commands.name(), null, at.toEpochMilli(), kept.caseId(), command));
    }

    private <V> KafkaProducer<String, V> producer(Topic<String, V> topic, Serializer<V> values) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"),
                topic.keySerde().serializer(), values);
    }

    /** A kept case as the index shows it: what closing it needs. */
    private record Kept(String caseId, String department, String status, Instant receivedAt) {
    }

    /** The run's kept cases, read from the index page by page in case id order. */
    private List<Kept> keptCases(String run) throws IOException, InterruptedException {
        List<Kept> kept = new ArrayList<>();
        ArrayNode after = null;
        while (true) {
            ObjectNode query = Json.mapper().createObjectNode().put("size", PAGE);
            query.putArray("_source").add("caseId").add("department").add("status").add("receivedAt");
            query.putObject("query").putObject("prefix").put("caseId", run);
            query.putArray("sort").addObject().put("caseId", "asc");
            if (after != null) {
                query.set("search_after", after);
            }
            JsonNode hits = post("/_search", query).path("hits").path("hits");
            for (JsonNode hit : hits) {
                JsonNode c = hit.path("_source");
                kept.add(new Kept(c.path("caseId").asText(), c.path("department").asText(), c.path("status").asText(),
                        Instant.parse(c.path("receivedAt").asText())));
            }
            if (hits.size() < PAGE) {
                return kept;
            }
            after = (ArrayNode) hits.get(hits.size() - 1).path("sort");
        }
    }

    /** The run's kept cases the index shows closed. */
    private long closedCases(String run) throws IOException, InterruptedException {
        ObjectNode query = Json.mapper().createObjectNode();
        ArrayNode filter = query.putObject("query").putObject("bool").putArray("filter");
        filter.addObject().putObject("prefix").put("caseId", run);
        filter.addObject().putObject("term").put("status", CaseStatus.CLOSED.code());
        return post("/_count", query).path("count").asLong();
    }

    /** Cases in the alias officers search, as their searches see them (after the index refreshed). */
    private long indexedCases() throws IOException, InterruptedException {
        ObjectNode all = Json.mapper().createObjectNode();
        all.putObject("query").putObject("match_all");
        return post("/_count", all).path("count").asLong();
    }

    /** Elasticsearch's answer on the cases alias; before the first case made it, an empty one. */
    private JsonNode post(String path, JsonNode body) throws IOException, InterruptedException {
        String url = stack.elasticsearch().replaceAll("/+$", "") + "/" + stack.casesAlias() + path;
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (answer.statusCode() == 404) {
            return MissingNode.getInstance();
        }
        if (answer.statusCode() != 200) {
            throw new IOException("Elasticsearch answered " + answer.statusCode() + " to " + url + ": " + answer.body());
        }
        return Json.mapper().readTree(answer.body());
    }

    private static FeedbackReceived received(String id, Petitions.Petition p, SplittableRandom random) {
        Contact contact = p.phone() == null ? Contact.none()
                : new Contact(null, "+84" + p.phone().substring(1), null, sha256(p.phone()), false);
        return new FeedbackReceived(FeedbackReceived.SCHEMA_VERSION, id, TrackingCode.generate(random).value(), Channel.WEB,
                p.writtenAt(), p.text(), p.area(), null, contact, null, null, null, Map.of("bench", "e2e"));
    }

    private static String sha256(String phone) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(phone.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
