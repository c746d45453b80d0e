package io.langnghe.faults;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A steady, bounded stream of petitions to the stack's ingest-service on 127.0.0.1, each with an
 * Idempotency-Key and a marker word of its own in the text (how the count finds it again). A petition
 * that gets a 503, an error or no answer is sent again with the same key after Retry-After (at most
 * 5 s), as the README tells integrators, until it is accepted or its time is up.
 */
public final class PetitionLoad implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(15);

    private final String ingest;
    private final String run;
    private final Duration giveUpAfter;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ScheduledExecutorService pace = Executors.newSingleThreadScheduledExecutor();
    private final ExecutorService senders = Executors.newFixedThreadPool(8);
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Map<String, Accepted> accepted = new ConcurrentHashMap<>();
    private final Map<String, String> notAccepted = new ConcurrentHashMap<>();
    /** A retry answered with another case than the first answer: counted as doubled. */
    private final Map<String, String> differentAnswers = new ConcurrentHashMap<>();

    /** A petition Kafka stored: its marker, key and receipt. */
    public record Accepted(String marker, String key, String feedbackId, Instant at) {
    }

    public PetitionLoad(String ingest, String run, Duration giveUpAfter) {
        this.ingest = ingest;
        this.run = run;
        this.giveUpAfter = giveUpAfter;
    }

    /** Sends {@code perSecond} petitions a second from now until {@link #stop()}. */
    public void start(int perSecond) {
        pace.scheduleAtFixedRate(() -> senders.submit(this::sendOne), 0, 1_000_000 / perSecond, TimeUnit.MICROSECONDS);
    }

    /** Stops sending new petitions and waits (bounded) for those still being retried. */
    public void stop() {
        pace.shutdownNow();
        senders.shutdown();
        try {
            senders.awaitTermination(giveUpAfter.toSeconds() + 30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public Map<String, Accepted> accepted() {
        return Map.copyOf(accepted);
    }

    public int sent() {
        return next.get();
    }

    public long retries() {
        return retries.get();
    }

    public Map<String, String> notAccepted() {
        return Map.copyOf(notAccepted);
    }

    public Map<String, String> differentAnswers() {
        return Map.copyOf(differentAnswers);
    }

    private void sendOne() {
        int number = next.incrementAndGet();
        String marker = "chaos" + run + "n" + number;
        String key = run + "-" + number;
        String body = "{\"text\":\"Cống thoát nước trước nhà số " + number + " bị tắc, nước tràn ra đường (" + marker
                + ")\",\"channel\":\"web\",\"consentToContact\":false}";
        Instant giveUp = Instant.now().plus(giveUpAfter);
        inFlight.incrementAndGet();
        try {
            while (true) {
                Duration wait;
                try {
                    HttpResponse<String> response = http.send(request(key, body), HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 202) {
                        String feedbackId = JSON.readTree(response.body()).path("feedbackId").asText();
                        accepted.put(marker, new Accepted(marker, key, feedbackId, Instant.now()));
                        if (number % 5 == 0) {
                            resendOnce(marker, key, body, feedbackId);
                        }
                        return;
                    }
                    if (response.statusCode() != 503) {
                        notAccepted.put(marker, response.statusCode() + " " + response.body());
                        return;
                    }
                    wait = Duration.ofSeconds(Math.min(5, Math.max(1,
                            Long.parseLong(response.headers().firstValue("Retry-After").orElse("1")))));
                } catch (IOException e) {
                    // no answer (refused, reset, timed out): it may have been stored, so the same key again
                    wait = Duration.ofSeconds(1);
                }
                if (Instant.now().plus(wait).isAfter(giveUp)) {
                    notAccepted.put(marker, "not accepted within " + giveUpAfter);
                    return;
                }
                retries.incrementAndGet();
                Pause.of(wait);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            notAccepted.put(marker, "interrupted");
        } catch (RuntimeException e) {
            notAccepted.put(marker, String.valueOf(e));
        } finally {
            inFlight.decrementAndGet();
        }
    }

    /** Every fifth petition is sent once more with its key, as a client whose 202 was lost would: same case or a double. */
    private void resendOnce(String marker, String key, String body, String feedbackId) throws InterruptedException {
        retries.incrementAndGet();
        try {
            HttpResponse<String> again = http.send(request(key, body), HttpResponse.BodyHandlers.ofString());
            if (again.statusCode() == 202) {
                String second = JSON.readTree(again.body()).path("feedbackId").asText();
                if (!second.equals(feedbackId)) {
                    differentAnswers.put(marker, feedbackId + " then " + second);
                }
            }
        } catch (IOException e) {
            // the check is only possible with an answer; the petition itself is already accepted
        }
    }

    private HttpRequest request(String key, String body) {
        return HttpRequest.newBuilder(URI.create(ingest + "/api/feedback"))
                .timeout(ANSWER_WITHIN)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    public List<String> markers() {
        return List.copyOf(accepted.keySet());
    }

    @Override
    public void close() {
        pace.shutdownNow();
        senders.shutdownNow();
    }
}
