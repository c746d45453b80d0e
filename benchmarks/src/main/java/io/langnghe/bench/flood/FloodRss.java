package io.langnghe.bench.flood;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How much memory ingest-service holds under a flood of large bodies without a declared length: sends
 * {@code --requests} chunked JSON bodies of {@code --megabytes} each, {@code --parallel} at a time, to
 * {@code --url}, and reads the resident set size of process {@code --pid} from /proc before, at its
 * peak (sampled every 50 ms) and after. One table on stdout. {@code --header Name:value} adds a header,
 * for routes that check one before reading the body (the SMS gateway's webhook secret).
 * <pre>java -cp ... io.langnghe.bench.flood.FloodRss --url http://127.0.0.1:8080/api/feedback --pid 1234</pre>
 */
public final class FloodRss {

    private FloodRss() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        URI url = URI.create(options.getOrDefault("--url", "http://127.0.0.1:8080/api/feedback"));
        long pid = Long.parseLong(required(options, "--pid"));
        int requests = Integer.parseInt(options.getOrDefault("--requests", "200"));
        int parallel = Integer.parseInt(options.getOrDefault("--parallel", "16"));
        long bytes = Long.parseLong(options.getOrDefault("--megabytes", "16")) * 1024 * 1024;
        String header = options.get("--header");

        long before = rssKib(pid);
        AtomicLong peak = new AtomicLong(before);
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(() -> peak.accumulateAndGet(rssKib(pid), Math::max), 0, 50, TimeUnit.MILLISECONDS);
        HttpClient client = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(parallel)).build();
        Map<Integer, Integer> statuses = new TreeMap<>();
        long started = System.nanoTime();
        for (int sent = 0; sent < requests; sent += parallel) {
            List<CompletableFuture<HttpResponse<Void>>> wave = new ArrayList<>();
            for (int i = sent; i < Math.min(requests, sent + parallel); i++) {
                HttpRequest.Builder request = HttpRequest.newBuilder(url).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new Filler(bytes)));
                if (header != null) {
                    request.header(header.substring(0, header.indexOf(':')), header.substring(header.indexOf(':') + 1));
                }
                wave.add(client.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding()));
            }
            for (CompletableFuture<HttpResponse<Void>> answer : wave) {
                int status;
                try {
                    status = answer.join().statusCode();
                } catch (RuntimeException closedEarly) {
                    // the server may close the connection once it has refused the body
                    status = -1;
                }
                statuses.merge(status, 1, Integer::sum);
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Thread.sleep(1000);
        sampler.shutdownNow();
        long after = rssKib(pid);
        System.out.printf("requests %d x %d MiB chunked, %d in parallel, %.1f s; answers %s (-1: connection closed)%n",
                requests, bytes / (1024 * 1024), parallel, seconds, statuses);
        System.out.printf("ingest RSS  before %d MiB  peak %d MiB  after %d MiB%n", before / 1024, peak.get() / 1024, after / 1024);
        System.exit(0);
    }

    static long rssKib(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
            return 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new TreeMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }

    /** A JSON body {"text":"aaaa…"} of the given size, made as it is read, so the sender holds none of it. */
    private static final class Filler extends InputStream {
        private final long size;
        private long position;

        Filler(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            if (position >= size) {
                return -1;
            }
            long at = position++;
            if (at < 9) {
                return "{\"text\":\"".charAt((int) at);
            }
            return at == size - 2 ? '"' : at == size - 1 ? '}' : 'a';
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (position >= size) {
                return -1;
            }
            int n = (int) Math.min(length, size - position);
            for (int i = 0; i < n; i++) {
                buffer[offset + i] = (byte) read();
            }
            return n;
        }
    }
}
