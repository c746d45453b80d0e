package io.langnghe.bench.e2e;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.langnghe.contracts.Json;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * Open-loop load on {@code POST /api/feedback}: petition i leaves at start + i / rate whether or not
 * the earlier ones were answered, and its latency counts from that scheduled moment, so a stack that
 * falls behind shows it in the latencies instead of slowing the load down (no coordinated omission).
 */
final class OpenLoad {

    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    /** A petition ingest-service accepted (202): its id, and when it was due to be sent (System.nanoTime). */
    record Accepted(String feedbackId, long scheduledNanos) {
    }

    /**
     * One client for every load of the run ({@link KeepAliveClient#of}), so the measured load reuses the connections
     * its warm-up opened: a connection costs ingest-service about as much CPU as a petition (its pipeline is built
     * anew), which a client of its own per load charged to the first petitions measured.
     */
    private final KeepAliveClient http;
    private final String path;
    /** 202 latency in microseconds, from the scheduled send to the answer. */
    final Histogram accepted = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(2), 3);
    final AtomicInteger sent = new AtomicInteger();
    final AtomicInteger answered202 = new AtomicInteger();
    final AtomicInteger refused = new AtomicInteger();
    final AtomicInteger failed = new AtomicInteger();
    private volatile String firstRefusal;

    OpenLoad(String ingestUrl) {
        URI feedback = URI.create(ingestUrl.replaceAll("/+$", "") + "/api/feedback");
        this.http = KeepAliveClient.of(feedback, CONNECT_TIMEOUT);
        this.path = feedback.getRawPath();
    }

    /** Sends every petition on schedule, then waits (bounded) for the last answers. */
    void run(List<Petitions.Petition> petitions, double rate, Consumer<Accepted> onAccepted) {
        long period = (long) (TimeUnit.SECONDS.toNanos(1) / rate);
        long start = System.nanoTime();
        CompletableFuture<?>[] answers = new CompletableFuture<?>[petitions.size()];
        for (int i = 0; i < petitions.size(); i++) {
            long scheduled = start + i * period;
            long wait;
            while ((wait = scheduled - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            answers[i] = send(petitions.get(i), scheduled, onAccepted);
            sent.incrementAndGet();
        }
        try {
            CompletableFuture.allOf(answers).get(ANSWER_TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS);
        } catch (Exception stillOutstanding) {
            // each late answer is counted as failed by its own future; the run goes on to measure the rest
        }
    }

    String firstRefusal() {
        return firstRefusal;
    }

    private CompletableFuture<?> send(Petitions.Petition petition, long scheduled, Consumer<Accepted> onAccepted) {
        // A key of its own per petition, as the resident page and the hotline console send: the path residents take
        return http.postJson(path, body(petition), Map.of("Idempotency-Key", UUID.randomUUID().toString()), ANSWER_TIMEOUT)
                .whenComplete((answer, error) -> {
                    long micros = TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - scheduled);
                    if (error != null) {
                        failed.incrementAndGet();
                        firstRefusal = firstRefusal == null ? error.toString() : firstRefusal;
                    } else if (answer.status() == 202) {
                        accepted.recordValue(Math.min(micros, accepted.getHighestTrackableValue()));
                        answered202.incrementAndGet();
                        onAccepted.accept(new Accepted(feedbackId(answer.body()), scheduled));
                    } else {
                        refused.incrementAndGet();
                        firstRefusal = firstRefusal == null ? answer.status() + " " + answer.body() : firstRefusal;
                    }
                });
    }

    private static String feedbackId(String receipt) {
        try {
            return Json.mapper().readTree(receipt).path("feedbackId").asText();
        } catch (Exception e) {
            throw new IllegalStateException("a 202 without a readable receipt: " + receipt, e);
        }
    }

    private static byte[] body(Petitions.Petition petition) {
        ObjectNode json = Json.mapper().createObjectNode()
                .put("text", petition.text())
                .put("area", petition.area())
                .put("channel", "web");
        if (petition.phone() != null) {
            json.put("phone", petition.phone());
        }
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }
}
