package io.langnghe.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.langnghe.contracts.Json;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;

/**
 * Sends the simulated petitions to a running stack's web intake ({@code POST /api/feedback}), paced by
 * simulated time ÷ speed, following up by tracking code where a resident does. Each resident gets a
 * made-up mobile number of their own, so the early warning sees who came back.
 */
final class LiveFeed {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM HH:mm").withZone(ZoneOffset.ofHours(7));

    private final URI feedback;
    private final double speed;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    LiveFeed(String ingestUrl, double speed) {
        if (speed <= 0) {
            throw new IllegalArgumentException("--speed must be positive");
        }
        this.feedback = URI.create(ingestUrl.replaceAll("/+$", "") + "/api/feedback");
        this.speed = speed;
    }

    void send(WardSimulation.Stream stream) throws IOException, InterruptedException {
        Map<String, String> trackingCodes = new HashMap<>();
        SimPetition previous = null;
        int sent = 0;
        for (SimPetition p : stream.petitions()) {
            if (previous != null) {
                long waitMillis = (long) (Duration.between(previous.at(), p.at()).toMillis() / speed);
                Thread.sleep(Math.max(0, waitMillis));
            }
            previous = p;
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(feedback)
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", "simulation-" + p.id())
                    .POST(HttpRequest.BodyPublishers.ofString(body(p, trackingCodes), StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (answer.statusCode() != 202) {
                System.err.printf("%n%s: HTTP %d %s%n", p.id(), answer.statusCode(), answer.body());
                continue;
            }
            JsonNode receipt = Json.mapper().readTree(answer.body());
            trackingCodes.put(p.id(), receipt.path("trackingCode").asText());
            System.err.printf("\rsent %d/%d, simulated %s%s", ++sent, stream.petitions().size(), TIME.format(p.at()),
                    p.incident() == null ? "              " : " (" + p.incident() + ")");
        }
        System.err.println();
    }

    private static String body(SimPetition p, Map<String, String> trackingCodes) {
        ObjectNode json = Json.mapper().createObjectNode()
                .put("text", p.text())
                .put("area", p.area())
                .put("channel", "web");
        if (p.reporter() != null) {
            json.put("phone", phoneOf(p.reporter()));
        }
        if (p.refersTo() != null && trackingCodes.containsKey(p.refersTo())) {
            json.put("caseRef", trackingCodes.get(p.refersTo()));
        }
        return json.toString();
    }

    /** A Viettel-style mobile number (098…) that is the same for the same simulated resident. */
    private static String phoneOf(String reporter) {
        return String.format("098%07d", Math.floorMod(reporter.hashCode(), 10_000_000));
    }
}
