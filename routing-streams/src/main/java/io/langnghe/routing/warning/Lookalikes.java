package io.langnghe.routing.warning;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The look-alike index ({@value EarlyWarning#LOOKALIKES}: the open cases of the window by area and time) with the
 * same entries kept decoded beside it, per area in the store's order, so a report compares itself with its
 * neighbours' open cases without an iterator step, a copy and a decode per case read; and without reading the
 * fingerprint of those its sketch rules out ({@link FingerprintSketch}: most of them).
 * <p>
 * The copy is exactly what the store holds: every put and delete goes to both, and it is read whole from the store
 * when the task starts (after a restart, a rebalance or an aborted transaction the store, restored from its
 * changelog, is the truth). So it adds no record, and a replay finds the same look-alikes. It holds what the store
 * holds: the open cases of the window (at most {@link EarlyWarning#INDEXED_PER_ISSUE} of an issue) and those the
 * hourly sweep has not yet aged out, a few hundred bytes each.
 */
final class Lookalikes {

    /** Keys are ASCII (area code, zero-padded time, case id), so a string's order is the store's byte order. */
    private static final Comparator<Entry> BY_KEY = Comparator.comparing(Entry::key);

    private final KeyValueStore<String, byte[]> store;
    /** Area → its entries, oldest first. */
    private final Map<String, List<Entry>> byArea = new HashMap<>();

    /** An entry with its fingerprint sketched, which is all a report reads of most entries. */
    private record Entry(String key, Lookalike lookalike, FingerprintSketch sketch) {

        static Entry of(String key, Lookalike lookalike) {
            return new Entry(key, lookalike, FingerprintSketch.of(lookalike.fingerprint()));
        }
    }

    Lookalikes(KeyValueStore<String, byte[]> store) {
        this.store = store;
        try (KeyValueIterator<String, byte[]> all = store.all()) {
            // in the store's order: each area's entries come oldest first
            all.forEachRemaining(e -> entriesOf(areaOf(e.key)).add(Entry.of(e.key, LookalikeSerde.read(e.value))));
        }
    }

    boolean contains(String key) {
        List<Entry> entries = byArea.get(areaOf(key));
        return entries != null && indexOf(entries, key) >= 0;
    }

    void put(String key, Lookalike lookalike) {
        store.put(key, LookalikeSerde.write(lookalike));
        List<Entry> entries = entriesOf(areaOf(key));
        int at = indexOf(entries, key);
        if (at >= 0) {
            entries.set(at, Entry.of(key, lookalike));
        } else {
            entries.add(-at - 1, Entry.of(key, lookalike));
        }
    }

    /** @return what it held, or null (then nothing is written) */
    Lookalike delete(String key) {
        List<Entry> entries = byArea.get(areaOf(key));
        int at = entries == null ? -1 : indexOf(entries, key);
        if (at < 0) {
            return null;
        }
        store.delete(key);
        return entries.remove(at).lookalike();
    }

    /**
     * Of the newest {@code atMost} open cases of an area received from a time on (as a reverse range of the store,
     * read that far), newest first, those that may be alike the report: not those that name other things or other
     * places (not one problem, see {@link Fingerprint}), nor those that share too few words to reach a similarity of
     * {@code atLeast}.
     */
    List<Lookalike> mayBeAlike(String area, Instant from, int atMost, Fingerprint report, double atLeast) {
        List<Entry> entries = byArea.get(area);
        if (entries == null || report.shingles().length == 0) {
            return List.of();
        }
        FingerprintSketch sketch = FingerprintSketch.of(report);
        int oldest = Math.max(firstFrom(entries, Lookalike.from(area, from)), entries.size() - atMost);
        List<Lookalike> found = new ArrayList<>();
        for (int i = entries.size() - 1; i >= oldest; i--) {
            Entry e = entries.get(i);
            if (sketch.namesOtherThanItDoes(e.sketch()) || sketch.similarityAtMost(e.sketch()) < atLeast) {
                continue;
            }
            // rarely reached: the meanings and places, exactly
            if (report.similarityAtMost(e.lookalike().fingerprint(), sketch.sharedAtMost(e.sketch())) < atLeast) {
                continue;
            }
            found.add(e.lookalike());
        }
        return found;
    }

    /** The entries of an area received up to a time, oldest first. */
    List<KeyValue<String, Lookalike>> receivedBy(String area, Instant until) {
        List<Entry> entries = byArea.getOrDefault(area, List.of());
        int end = firstFrom(entries, Lookalike.from(area, until));
        List<KeyValue<String, Lookalike>> old = new ArrayList<>();
        // (a key is never a bare time: the store's inclusive end holds no entry the first one from it leaves out)
        for (Entry e : entries.subList(0, end)) {
            old.add(KeyValue.pair(e.key(), e.lookalike()));
        }
        return old;
    }

    private List<Entry> entriesOf(String area) {
        return byArea.computeIfAbsent(area, a -> new ArrayList<>());
    }

    /** The index of the key, else (-(where it would go) - 1). */
    private static int indexOf(List<Entry> entries, String key) {
        return Collections.binarySearch(entries, new Entry(key, null, null), BY_KEY);
    }

    /** The index of the first entry from a key on. */
    private static int firstFrom(List<Entry> entries, String key) {
        int at = indexOf(entries, key);
        return at >= 0 ? at : -at - 1;
    }

    /** The area a key is under: area codes have no '|'. */
    private static String areaOf(String key) {
        return key.substring(0, key.indexOf('|'));
    }
}
