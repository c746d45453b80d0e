package io.langnghe.routing.warning;

import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The issues of one ward, kept in two stores so that a report writes what it changed and no more:
 * <pre>
 *   warning-clusters  issue → its counts, and the version and risk of its latest record on issues.v1
 *   warning-recent    issue|received at|case → one of its latest reports  ({@link Cluster#RECENT} at most)
 * </pre>
 * A report of a large issue then writes the counts, its own line and the delete of the line it pushes
 * out, instead of the whole issue again. The latest reports of the issues in play are also kept here
 * decoded, so a report does not read them back either: the copy is exactly what the store holds (it
 * is written after the store), and it is new with each task's start, so a task started again after a
 * failure reads the store it restored.
 * <p>
 * An issue written whole by an earlier version (its latest reports inside the counts' record) is read
 * as it is and split when it next changes.
 */
final class Issues {

    /** Issues whose latest reports stay decoded: an incident has one, a busy ward a handful. */
    private static final int DECODED = 64;

    private final KeyValueStore<String, Cluster> heads;
    private final KeyValueStore<String, Cluster.Member> recent;
    private final Map<String, List<Cluster.Member>> decoded = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<Cluster.Member>> eldest) {
            return size() > DECODED;
        }
    };

    Issues(KeyValueStore<String, Cluster> heads, KeyValueStore<String, Cluster.Member> recent) {
        this.heads = heads;
        this.recent = recent;
    }

    Cluster get(String clusterId) {
        Cluster head = heads.get(clusterId);
        if (head == null || !head.recent().isEmpty()) {
            return head;
        }
        return head.withRecent(latestOf(clusterId));
    }

    /** Writes the counts, and of the latest reports only those that came, changed or left. */
    void put(Cluster cluster) {
        String id = cluster.clusterId();
        List<Cluster.Member> before = latestOf(id);
        decoded.remove(id);
        // the lines a change leaves alone are the very objects read before: no need to compare them field by field
        Set<Cluster.Member> unchanged = Collections.newSetFromMap(new IdentityHashMap<>());
        unchanged.addAll(before);
        Set<String> still = new HashSet<>();
        for (Cluster.Member m : cluster.recent()) {
            still.add(m.caseId());
            if (!unchanged.contains(m)) {
                recent.put(key(id, m), m);
            }
        }
        for (Cluster.Member m : before) {
            if (!still.contains(m.caseId())) {
                recent.delete(key(id, m));
            }
        }
        heads.put(id, cluster.withRecent(List.of()));
        decoded.put(id, cluster.recent());
    }

    void forget(String clusterId) {
        decoded.remove(clusterId);
        heads.delete(clusterId);
        List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, Cluster.Member> lines = recent.range(clusterId + "|", clusterId + "}")) {
            lines.forEachRemaining(e -> keys.add(e.key));
        }
        keys.forEach(recent::delete);
    }

    /** Every issue, whole (once: the first sweep after an upgrade, to enter each in the sweep's own store). */
    void forEach(Consumer<Cluster> action) {
        List<String> ids = new ArrayList<>();
        try (KeyValueIterator<String, Cluster> all = heads.all()) {
            all.forEachRemaining(e -> ids.add(e.key));
        }
        ids.stream().map(this::get).forEach(action);
    }

    private List<Cluster.Member> latestOf(String clusterId) {
        List<Cluster.Member> known = decoded.get(clusterId);
        if (known != null) {
            return known;
        }
        List<Cluster.Member> read = new ArrayList<>();
        try (KeyValueIterator<String, Cluster.Member> lines = recent.range(clusterId + "|", clusterId + "}")) {
            lines.forEachRemaining(e -> read.add(e.value));
        }
        List<Cluster.Member> latest = List.copyOf(read);
        decoded.put(clusterId, latest);
        return latest;
    }

    /** Ordered as {@link Cluster#OLDEST_FIRST}: zero-padded milliseconds, then the case. */
    private static String key(String clusterId, Cluster.Member m) {
        String millis = Long.toString(Math.max(0, m.at().toEpochMilli()));
        return clusterId + "|" + "0".repeat(Math.max(0, 13 - millis.length())) + millis + "|" + m.caseId();
    }
}
