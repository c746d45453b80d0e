package io.langnghe.faults;

import io.langnghe.faults.LaunchedStack.Part;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;

/**
 * One fault, done to a running stack while the load runs; it returns the moment the fault is over (the
 * killed part is healthy again, the frozen one thawed, the setting reset): "caught up" counts from there.
 *
 * @param code the short name {@code ./langnghe chaos --faults} selects it by
 */
public record Fault(String code, String name, Function<LaunchedStack, Instant> inflict) {

    private static final Duration HEALTHY_AGAIN_WITHIN = Duration.ofMinutes(4);

    /** kill -9; the launcher restarts it. */
    public static Fault kill(Part part) {
        return new Fault(part.name().toLowerCase(java.util.Locale.ROOT), "kill -9 " + part.label(), stack -> {
            long killed = stack.kill(part);
            while (stack.process(part).map(ProcessHandle::pid).orElse(killed) == killed) {
                Pause.of(Duration.ofMillis(500));
            }
            return stack.awaitHealthy(HEALTHY_AGAIN_WITHIN);
        });
    }

    /** SIGSTOP for a while, then SIGCONT: a hung part (Elasticsearch "stopped"; routing-streams behind a backlog). */
    public static Fault freeze(Part part, Duration forHowLong) {
        return new Fault(part.name().toLowerCase(java.util.Locale.ROOT) + "-stopped", part.label() + " stopped "
                + forHowLong.toSeconds() + " s", stack -> {
            stack.freeze(part);
            Pause.of(forHowLong);
            stack.thaw(part);
            return stack.awaitHealthy(HEALTHY_AGAIN_WITHIN);
        });
    }

    /**
     * Elasticsearch at its flood-stage watermark, set low through the cluster settings (never by filling
     * the disk): the indices turn read-only and writes are refused; then the settings are reset.
     */
    public static Fault floodStage(Duration forHowLong) {
        return new Fault("flood-stage", "ES flood stage " + forHowLong.toSeconds() + " s", stack -> {
            clusterSettings(stack, """
                    {"persistent":{"cluster.routing.allocation.disk.threshold_enabled":true,
                     "cluster.routing.allocation.disk.watermark.low":"1%",
                     "cluster.routing.allocation.disk.watermark.high":"1%",
                     "cluster.routing.allocation.disk.watermark.flood_stage":"1%",
                     "cluster.info.update.interval":"10s"}}""");
            Pause.of(forHowLong);
            clusterSettings(stack, """
                    {"persistent":{"cluster.routing.allocation.disk.threshold_enabled":null,
                     "cluster.routing.allocation.disk.watermark.low":null,
                     "cluster.routing.allocation.disk.watermark.high":null,
                     "cluster.routing.allocation.disk.watermark.flood_stage":null,
                     "cluster.info.update.interval":null}}""");
            // Elasticsearch lifts the block itself once below the watermark; this does not wait for it
            put(stack, "/" + stack.prefix() + "-*/_settings", "{\"index.blocks.read_only_allow_delete\":null}");
            return stack.awaitHealthy(HEALTHY_AGAIN_WITHIN);
        });
    }

    /**
     * routing-streams' deadline clock jumps forward (an injectable clock, never the machine's) while the
     * load runs; over once the deadline watch has looked a few times at the new time, so that a mark made
     * twice would show. Two weeks, so that neither a weekend nor Tết hides every working-day deadline.
     */
    public static Fault clockJump(Duration by) {
        return new Fault("clock", "routing clock +" + by.toDays() + " days", stack -> {
            stack.moveRoutingClock(by);
            Pause.of(Duration.ofSeconds(20));
            return stack.awaitHealthy(HEALTHY_AGAIN_WITHIN);
        });
    }

    private static void clusterSettings(LaunchedStack stack, String body) {
        put(stack, "/_cluster/settings", body);
    }

    private static void put(LaunchedStack stack, String path, String body) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(stack.elasticsearch() + path))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("PUT " + path + " answered " + response.statusCode() + ": " + response.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
