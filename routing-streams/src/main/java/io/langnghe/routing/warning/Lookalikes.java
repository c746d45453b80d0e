package io.langnghe.routing.warning;

import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The look-alike index ({@value EarlyWarning#LOOKALIKES}: the open cases of the window by area and time) with the
 * same entries kept decoded beside it, per area in the store's order, so a report compares itself with its
 * neighbours' open cases without an iterator step, a copy and a decode per case read; and without reading the
 * fingerprint of those its sketch rules out ({@link FingerprintSketch}: most of them). An area's sketches lie side by
 * side in one array, read in order.
 * <p>
 * The copy is exactly what the store holds: every put and delete goes to both, and it is read whole from the store
 * when the task starts (after a restart, a rebalance or an aborted transaction the store, restored from its
 * changelog, is the truth). So it adds no record, and a replay finds the same look-alikes. It holds what the store
 * holds: the open cases of the window (at most {@link EarlyWarning#INDEXED_PER_ISSUE} of an issue) and those the
 * hourly sweep has not yet aged out, a few hundred bytes each.
 */
final class Lookalikes {

    private final KeyValueStore<String, byte[]> store;
    private final Map<String, Area> areas = new HashMap<>();

    /** An area's entries, oldest first (keys are ASCII: a string's order is the store's byte order), and their sketches. */
    private static final class Area {
        private final List<String> keys = new ArrayList<>();
        private final List<Lookalike> lookalikes = new ArrayList<>();
        /** Entry i's sketch from i × {@link FingerprintSketch#LONGS} on. */
        private long[] sketches = new long[16 * FingerprintSketch.LONGS];

        int size() {
            return keys.size();
        }

        /** The index of the key, else (-(where it would go) - 1). */
        int indexOf(String key) {
            return Collections.binarySearch(keys, key);
        }

        /** The index of the first entry from a key on. */
        int firstFrom(String key) {
            int at = indexOf(key);
            return at >= 0 ? at : -at - 1;
        }

        void put(String key, Lookalike lookalike) {
            int at = indexOf(key);
            if (at >= 0) {
                lookalikes.set(at, lookalike);
            } else {
                at = -at - 1;
                int n = size();
                if ((n + 1) * FingerprintSketch.LONGS > sketches.length) {
                    sketches = Arrays.copyOf(sketches, sketches.length * 2);
                }
                System.arraycopy(sketches, at * FingerprintSketch.LONGS, sketches, (at + 1) * FingerprintSketch.LONGS,
                        (n - at) * FingerprintSketch.LONGS);
                keys.add(at, key);
                lookalikes.add(at, lookalike);
            }
            FingerprintSketch.write(lookalike.fingerprint(), sketches, at * FingerprintSketch.LONGS);
        }

        /** Removes the first n entries in one move, as the hourly sweep ages them out. */
        List<Lookalike> removeFirst(int n) {
            int left = size() - n;
            // after a flood ages out, the area gives its room back
            long[] to = left * 4 * FingerprintSketch.LONGS < sketches.length
                    ? new long[Math.max(16, left * 2) * FingerprintSketch.LONGS] : sketches;
            System.arraycopy(sketches, n * FingerprintSketch.LONGS, to, 0, left * FingerprintSketch.LONGS);
            sketches = to;
            keys.subList(0, n).clear();
            List<Lookalike> removed = new ArrayList<>(lookalikes.subList(0, n));
            lookalikes.subList(0, n).clear();
            return removed;
        }

        Lookalike remove(int at) {
            System.arraycopy(sketches, (at + 1) * FingerprintSketch.LONGS, sketches, at * FingerprintSketch.LONGS,
                    (size() - at - 1) * FingerprintSketch.LONGS);
            keys.remove(at);
            return lookalikes.remove(at);
        }
    }

    Lookalikes(KeyValueStore<String, byte[]> store) {
        this.store = store;
        try (KeyValueIterator<String, byte[]> all = store.all()) {
            // in the store's order: each area's entries come oldest first
            all.forEachRemaining(e -> areaOf(e.key).put(e.key, LookalikeSerde.read(e.value)));
        }
    }

    boolean contains(String key) {
        Area area = areas.get(areaCodeOf(key));
        return area != null && area.indexOf(key) >= 0;
    }

    void put(String key, Lookalike lookalike) {
        store.put(key, LookalikeSerde.write(lookalike));
        areaOf(key).put(key, lookalike);
    }

    /** @return what it held, or null (then nothing is written) */
    Lookalike delete(String key) {
        Area area = areas.get(areaCodeOf(key));
        int at = area == null ? -1 : area.indexOf(key);
        if (at < 0) {
            return null;
        }
        store.delete(key);
        return area.remove(at);
    }

    /**
     * Of the newest {@code atMost} open cases of an area received from a time on (as a reverse range of the store,
     * read that far), newest first, those that may be alike the report: not those that name other things or other
     * places (not one problem, see {@link Fingerprint}), nor those that share too few words to reach a similarity of
     * {@code atLeast}.
     */
    List<Lookalike> mayBeAlike(String areaCode, Instant from, int atMost, Fingerprint report, double atLeast) {
        Area area = areas.get(areaCode);
        if (area == null || report.shingles().length == 0) {
            return List.of();
        }
        FingerprintSketch sketch = FingerprintSketch.of(report);
        long[] sketches = area.sketches;
        int oldest = Math.max(area.firstFrom(Lookalike.from(areaCode, from)), area.size() - atMost);
        List<Lookalike> found = new ArrayList<>();
        for (int i = area.size() - 1; i >= oldest; i--) {
            int at = i * FingerprintSketch.LONGS;
            if (sketch.namesOtherThanItDoes(sketches, at) || sketch.similarityAtMost(sketches, at) < atLeast) {
                continue;
            }
            // rarely reached: the meanings and places, exactly
            Lookalike other = area.lookalikes.get(i);
            if (report.similarityAtMost(other.fingerprint(), sketch.sharedAtMost(sketches, at)) < atLeast) {
                continue;
            }
            found.add(other);
        }
        return found;
    }

    /** Deletes the entries of an area received before a time, and returns them, oldest first. */
    List<Lookalike> deleteReceivedBefore(String areaCode, Instant until) {
        Area area = areas.get(areaCode);
        if (area == null) {
            return List.of();
        }
        // (a key is never a bare time: the store's inclusive end holds no entry the first one from it leaves out)
        int end = area.firstFrom(Lookalike.from(areaCode, until));
        for (String key : area.keys.subList(0, end)) {
            store.delete(key);
        }
        return area.removeFirst(end);
    }

    private Area areaOf(String key) {
        return areas.computeIfAbsent(areaCodeOf(key), a -> new Area());
    }

    /** The area a key is under: area codes have no '|'. */
    private static String areaCodeOf(String key) {
        return key.substring(0, key.indexOf('|'));
    }
}
