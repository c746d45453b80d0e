package io.langnghe.bench.e2e;

import javax.management.JMException;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import java.io.IOException;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Requests to the broker, counted on both ends over JMX ({@link LocalJmx}): what the broker answered, by type (its
 * {@code RequestsPerSec} counters), and what each of the stack's processes sent (its Kafka clients'
 * {@code request-total}: producers, consumers, Kafka Streams' and admin clients alike). Most of what the broker
 * spends on a petition is per request (network threads, purgatories, the latency histograms it keeps of each), so
 * these say where its CPU goes better than the records do.
 */
public final class KafkaRequests {

    private static final String ANSWERED = "kafka.network:type=RequestMetrics,name=RequestsPerSec,*";
    /** Parts of Fetch the broker also counts on their own: left out, or every fetch would be counted twice. */
    private static final Set<String> PARTS_OF_FETCH = Set.of("FetchConsumer", "FetchFollower");
    private static final List<String> CLIENTS = List.of("kafka.producer:type=producer-metrics,*",
            "kafka.consumer:type=consumer-metrics,*", "kafka.admin.client:type=admin-client-metrics,*");

    private KafkaRequests() {
    }

    /**
     * Requests counted in a window.
     *
     * @param answeredByType what the broker answered, by request type (empty when it could not be read)
     * @param sentByProcess  what each of the stack's processes sent (those that could not be read left out)
     */
    public record Counts(Map<String, Long> answeredByType, Map<String, Long> sentByProcess) {

        Counts since(Counts before) {
            return new Counts(between(before.answeredByType, answeredByType), between(before.sentByProcess, sentByProcess));
        }

        /** The table's rows: all requests the broker answered, those of each type, those each process sent; per petition. */
        String rows(long petitions) {
            StringBuilder rows = new StringBuilder();
            if (answeredByType.isEmpty()) {
                rows.append("| broker requests per petition | not counted (the broker is not a JVM of this user on this machine) |\n");
            } else {
                rows.append(row("broker requests per petition", answeredByType.values().stream().mapToLong(Long::longValue).sum(), petitions));
                answeredByType.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                        .filter(e -> (double) e.getValue() / petitions >= 0.005)
                        .forEach(e -> rows.append(row("broker requests per petition, " + e.getKey(), e.getValue(), petitions)));
            }
            sentByProcess.forEach((process, sent) -> rows.append(row("broker requests per petition, sent by " + process, sent, petitions)));
            return rows.toString();
        }

        private static String row(String what, long requests, long petitions) {
            return String.format(Locale.ROOT, "| %s | %.2f |%n", what, petitions == 0 ? Double.NaN : (double) requests / petitions);
        }
    }

    /** The stack's processes that can be read: those on this machine running as this user. */
    static final class Watch implements AutoCloseable {

        private final Map<String, LocalJmx> processes = new LinkedHashMap<>();

        /** @param pids the stack's processes by name, the broker as {@link Stack#BROKER} */
        Watch(Map<String, Long> pids, PrintStream progress) {
            pids.forEach((name, pid) -> {
                try {
                    processes.put(name, LocalJmx.of(pid));
                } catch (IOException | RuntimeException e) {
                    progress.println("Kafka requests of " + name + " not counted: " + e.getMessage());
                }
            });
        }

        Counts read() throws IOException {
            Map<String, Long> answered = Map.of();
            Map<String, Long> sent = new LinkedHashMap<>();
            for (Map.Entry<String, LocalJmx> process : processes.entrySet()) {
                if (process.getKey().equals(Stack.BROKER)) {
                    answered = answeredByBroker(process.getValue().mbeans());
                } else {
                    sent.put(process.getKey(), sentByClients(process.getValue().mbeans()));
                }
            }
            return new Counts(answered, sent);
        }

        @Override
        public void close() throws IOException {
            for (LocalJmx process : processes.values()) {
                process.close();
            }
        }
    }

    /** Requests the broker has answered since it started, by type (summed over the protocol's versions). */
    static Map<String, Long> answeredByBroker(MBeanServerConnection broker) throws IOException {
        Map<String, Long> byType = new TreeMap<>();
        for (ObjectName counter : names(broker, ANSWERED)) {
            String type = counter.getKeyProperty("request");
            if (type != null && !PARTS_OF_FETCH.contains(type)) {
                byType.merge(type, count(broker, counter, "Count"), Long::sum);
            }
        }
        return byType;
    }

    /**
     * Requests every Kafka client of a process has sent to the brokers since it was created (a client closed in
     * between takes its count with it: a stream thread replaced during a run is undercounted).
     */
    static long sentByClients(MBeanServerConnection process) throws IOException {
        long sent = 0;
        for (String clients : CLIENTS) {
            for (ObjectName client : names(process, clients)) {
                sent += count(process, client, "request-total");
            }
        }
        return sent;
    }

    /** What was counted between two readings, by key; keys that did not move left out. */
    static Map<String, Long> between(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> moved = new LinkedHashMap<>();
        after.forEach((key, count) -> {
            long counted = count - before.getOrDefault(key, 0L);
            if (counted > 0) {
                moved.put(key, counted);
            }
        });
        return moved;
    }

    private static Set<ObjectName> names(MBeanServerConnection mbeans, String pattern) throws IOException {
        try {
            return mbeans.queryNames(new ObjectName(pattern), null);
        } catch (JMException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private static long count(MBeanServerConnection mbeans, ObjectName name, String attribute) throws IOException {
        try {
            return ((Number) mbeans.getAttribute(name, attribute)).longValue();
        } catch (JMException e) {
            // a client closed between the query and the read: it sends nothing more
            return 0;
        }
    }
}
