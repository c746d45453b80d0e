package io.langnghe.faults;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The department's officer working through the petitions the load got accepted, while the faults
 * happen: each case is acknowledged once, with an {@code Idempotency-Key}, and sent again with the same
 * key on a 503 or no answer, as the officer's page does. A case not searchable yet (404) waits its turn;
 * one another department owns, or that no longer fits an acknowledgement (409), is left alone.
 */
final class OfficerActions implements AutoCloseable {

    static final String OFFICER = "canbo.kinh_te_ha_tang_do_thi";
    private static final String PASSWORD = "langnghe-demo";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(15);

    /** An acknowledgement answered 202: the command the case must show exactly once. */
    record Accepted(String caseId, String commandId, Instant at) {
    }

    private final String search;
    private final String run;
    private final PetitionLoad petitions;
    private final Duration giveUpAfter;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ExecutorService officer = Executors.newSingleThreadExecutor();
    private final Map<String, Accepted> accepted = new ConcurrentHashMap<>();
    private final Map<String, String> leftAlone = new ConcurrentHashMap<>();
    private final AtomicLong retries = new AtomicLong();
    private volatile boolean stopping;
    private String token;

    OfficerActions(String search, String run, PetitionLoad petitions, Duration giveUpAfter) {
        this.search = search;
        this.run = run;
        this.petitions = petitions;
        this.giveUpAfter = giveUpAfter;
    }

    void start() {
        officer.submit(this::work);
    }

    /** Stops taking new cases and waits (bounded) for the one at hand. */
    void stop() {
        stopping = true;
        officer.shutdown();
        try {
            officer.awaitTermination(giveUpAfter.toSeconds() + 30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    Map<String, Accepted> accepted() {
        return Map.copyOf(accepted);
    }

    Map<String, String> leftAlone() {
        return Map.copyOf(leftAlone);
    }

    long retries() {
        return retries.get();
    }

    private void work() {
        Deque<PetitionLoad.Accepted> waiting = new ArrayDeque<>();
        Set<String> taken = new HashSet<>();
        while (!stopping) {
            petitions.accepted().values().stream()
                    .sorted(Comparator.comparing(PetitionLoad.Accepted::at))
                    .filter(petition -> taken.add(petition.feedbackId()))
                    .forEach(waiting::addLast);
            PetitionLoad.Accepted next = waiting.pollFirst();
            if (next == null) {
                Pause.of(Duration.ofMillis(300));
                continue;
            }
            if (!acknowledge(next.feedbackId()) && Duration.between(next.at(), Instant.now()).compareTo(giveUpAfter) < 0) {
                waiting.addLast(next);
                Pause.of(Duration.ofMillis(200));
            }
        }
    }

    /** True when the case is settled (acknowledged or left alone); false to try it again later. */
    private boolean acknowledge(String caseId) {
        String key = "chaos-" + run + "-ack-" + caseId;
        Instant giveUp = Instant.now().plus(giveUpAfter);
        while (Instant.now().isBefore(giveUp)) {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                                URI.create(search + "/api/cases/" + caseId + "/actions"))
                        .timeout(ANSWER_WITHIN)
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + token())
                        .header("Idempotency-Key", key)
                        .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"acknowledge\",\"text\":\"Đã tiếp nhận\"}"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                switch (response.statusCode()) {
                    case 202 -> {
                        accepted.put(caseId, new Accepted(caseId, JSON.readTree(response.body()).path("commandId").asText(), Instant.now()));
                        return true;
                    }
                    case 404 -> {
                        return false;
                    }
                    case 401 -> token = null;
                    case 503 -> retries.incrementAndGet();
                    default -> {
                        leftAlone.put(caseId, response.statusCode() + " " + response.body());
                        return true;
                    }
                }
            } catch (IOException e) {
                // no answer: the action may have been recorded, so the same key again
                retries.incrementAndGet();
                token = null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return true;
            }
            Pause.of(Duration.ofSeconds(1));
        }
        return false;
    }

    private String token() throws IOException, InterruptedException {
        if (token == null) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(search + "/login"))
                    .timeout(ANSWER_WITHIN)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + OFFICER + "\",\"password\":\"" + PASSWORD + "\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException("login answered " + response.statusCode());
            }
            token = JSON.readTree(response.body()).path("access_token").asText();
        }
        return token;
    }

    @Override
    public void close() {
        stopping = true;
        officer.shutdownNow();
    }
}
