package io.langnghe.bench.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.langnghe.contracts.Json;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * When each accepted petition became searchable: its case found in the cases alias officers search
 * (an {@code ids} query, a thousand ids at a time, every 100 ms), measured from the moment the petition
 * was due to be sent. The resolution is the polling interval plus one query.
 */
final class Searchability {

    private static final int IDS_PER_QUERY = 1000;
    private static final Duration POLL = Duration.ofMillis(100);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI search;
    private final ConcurrentLinkedQueue<OpenLoad.Accepted> arriving = new ConcurrentLinkedQueue<>();
    private final Map<String, Long> waiting = new HashMap<>();
    /** 202 → searchable in milliseconds. */
    final Histogram searchable = new Histogram(TimeUnit.HOURS.toMillis(1), 3);
    /** What the probe asked of Elasticsearch, for {@link ProbeCost} to replay. */
    private long searches;
    private long idsAsked;
    private final List<String> foundSample = new ArrayList<>();

    Searchability(Stack stack) {
        this.search = URI.create(stack.elasticsearch().replaceAll("/+$", "") + "/" + stack.casesAlias() + "/_search");
    }

    void watch(OpenLoad.Accepted accepted) {
        arriving.add(accepted);
    }

    int unseen() {
        return waiting.size() + arriving.size();
    }

    /** One round: looks every waiting id up once; returns how many are still not searchable. */
    int poll() throws IOException, InterruptedException {
        for (OpenLoad.Accepted a; (a = arriving.poll()) != null; ) {
            waiting.put(a.feedbackId(), a.scheduledNanos());
        }
        List<String> ids = new ArrayList<>(waiting.keySet());
        for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
            List<String> some = ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY));
            long now = System.nanoTime();
            searches++;
            idsAsked += some.size();
            for (String found : found(some)) {
                if (foundSample.size() < IDS_PER_QUERY) {
                    foundSample.add(found);
                }
                Long scheduled = waiting.remove(found);
                if (scheduled != null) {
                    searchable.recordValue(Math.min(TimeUnit.NANOSECONDS.toMillis(now - scheduled), searchable.getHighestTrackableValue()));
                }
            }
        }
        return unseen();
    }

    /** The searches the probe made so far: how many, of how many ids, and some of the ids it found. */
    ProbeCost.Asked asked() {
        return new ProbeCost.Asked(searches, idsAsked, searchable.getTotalCount(), List.copyOf(foundSample));
    }

    /** Polls until every accepted petition is searchable or the deadline passes; calls back once a second. */
    void awaitAll(long deadlineNanos, Runnable eachSecond) throws IOException, InterruptedException {
        long lastCall = 0;
        while (poll() > 0 && System.nanoTime() < deadlineNanos) {
            if (System.nanoTime() - lastCall > TimeUnit.SECONDS.toNanos(1)) {
                lastCall = System.nanoTime();
                eachSecond.run();
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    List<String> found(List<String> ids) throws IOException, InterruptedException {
        ObjectNode query = Json.mapper().createObjectNode();
        query.put("size", ids.size());
        query.put("_source", false);
        query.putObject("query").putObject("ids").putPOJO("values", ids);
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(search)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(query.toString(), StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (answer.statusCode() == 404) {
            return List.of(); // the index is created with the first case
        }
        if (answer.statusCode() != 200) {
            throw new IOException("Elasticsearch answered " + answer.statusCode() + " to " + search + ": " + answer.body());
        }
        List<String> found = new ArrayList<>();
        for (JsonNode hit : Json.mapper().readTree(answer.body()).path("hits").path("hits")) {
            found.add(hit.path("_id").asText());
        }
        return found;
    }
}
