package io.langnghe.routing.warning;

import java.util.Arrays;

/**
 * What a look-alike comparison needs to rule a pair out, in {@value #LONGS} longs: the things and places a text names
 * folded into 64 bits each, and its shingles as {@value #BITS} bits, for an upper bound on how many two texts share
 * that costs a few ANDs rather than a merge of both lists. In a flood a report meets thousands of open cases that name
 * the same thing and place as it does, or none, and most of them share too few words to be alike; reading their
 * fingerprints (an object and four arrays each) to find that out cost more than the comparison.
 * <p>
 * The look-alike index keeps an area's sketches side by side in one array ({@link #write}), so a report reads them in
 * order rather than chasing an object per case: the scan of an area was bound by memory, not by the ANDs.
 * <p>
 * The bound holds whatever the hashes: each shingle both share sets a bit both sketches have, and shingles that
 * land on one bit are no more than a sketch's own collisions ({@code size - bits set}). Two texts that share a thing
 * (or a place) share its bit, so two whose bits do not meet name none the same.
 */
final class FingerprintSketch {

    static final int BITS = 512;
    /** The longs of one sketch: things, places, meanings, the shingles' bits, and two pairs of counts. */
    static final int LONGS = 13;
    private static final int THINGS = 0;
    private static final int PLACES = 1;
    /** The things and the states named, in one word: a shared thing or state sets a bit both have. */
    private static final int MEANINGS = 2;
    private static final int SHINGLES = 3;
    /** The shingles and how many of them collided, as the high and low halves of one long. */
    private static final int SIZE = SHINGLES + BITS / 64;
    /** The things and states named and how many of them collided, likewise. */
    private static final int NAMED = SIZE + 1;

    private final long[] sketch;

    private FingerprintSketch(long[] sketch) {
        this.sketch = sketch;
    }

    static FingerprintSketch of(Fingerprint fingerprint) {
        long[] sketch = new long[LONGS];
        write(fingerprint, sketch, 0);
        return new FingerprintSketch(sketch);
    }

    /** Writes a fingerprint's sketch into {@code into} from {@code at} on. */
    static void write(Fingerprint f, long[] into, int at) {
        Arrays.fill(into, at, at + LONGS, 0);
        int bitsSet = 0;
        for (int hash : f.shingles()) {
            // the hash's top bits: murmur2 mixes them as well as the low ones, which the things' and places' bits use
            int bit = hash >>> (Integer.SIZE - 9);
            into[at + SHINGLES + (bit >>> 6)] |= 1L << bit;
        }
        for (int w = 0; w < BITS / 64; w++) {
            bitsSet += Long.bitCount(into[at + SHINGLES + w]);
        }
        long things = bitsOf(f.things());
        long meanings = things | bitsOf(f.states());
        int named = f.things().length + f.states().length;
        into[at + THINGS] = things;
        into[at + PLACES] = bitsOf(f.places());
        into[at + MEANINGS] = meanings;
        into[at + SIZE] = pair(f.shingles().length, f.shingles().length - bitsSet);
        into[at + NAMED] = pair(named, named - Long.bitCount(meanings));
    }

    /** Whether both name things (or places), none the same: then they are not one problem, whatever their words. */
    boolean namesOtherThanItDoes(FingerprintSketch other) {
        return namesOtherThanItDoes(other.sketch, 0);
    }

    /** As {@link #namesOtherThanItDoes(FingerprintSketch)}, for the sketch in {@code sketches} from {@code at} on. */
    boolean namesOtherThanItDoes(long[] sketches, int at) {
        long things = sketch[THINGS];
        long places = sketch[PLACES];
        long otherThings = sketches[at + THINGS];
        long otherPlaces = sketches[at + PLACES];
        return (things != 0 && otherThings != 0 && (things & otherThings) == 0)
                || (places != 0 && otherPlaces != 0 && (places & otherPlaces) == 0);
    }

    /** At most how many shingles the two texts share (never fewer than they do). */
    int sharedAtMost(FingerprintSketch other) {
        return sharedAtMost(other.sketch, 0);
    }

    int sharedAtMost(long[] sketches, int at) {
        int both = 0;
        for (int w = SHINGLES; w < SIZE; w++) {
            both += Long.bitCount(sketch[w] & sketches[at + w]);
        }
        return sharedAtMost(both, sketch[SIZE], sketches[at + SIZE]);
    }

    /** At most how alike the two texts are, from the sketches alone (see {@link Fingerprint#similarityAtMost}). */
    double similarityAtMost(FingerprintSketch other) {
        return similarityAtMost(other.sketch, 0);
    }

    double similarityAtMost(long[] sketches, int at) {
        int size = first(sketch[SIZE]);
        int otherSize = first(sketches[at + SIZE]);
        if (size == 0 || otherSize == 0) {
            return 0;
        }
        long named = sketch[NAMED];
        long otherNamed = sketches[at + NAMED];
        int meaningsShared = sharedAtMost(Long.bitCount(sketch[MEANINGS] & sketches[at + MEANINGS]), named, otherNamed);
        return Fingerprint.similarityAtMost(sharedAtMost(sketches, at), size, otherSize, meaningsShared, first(named), first(otherNamed),
                (sketch[PLACES] & sketches[at + PLACES]) != 0);
    }

    /**
     * Of two sets folded into bits, each given as (size, collisions): each shared value sets a bit both have, at most a
     * set's own collisions more than once.
     */
    private static int sharedAtMost(int bitsBoth, long set, long otherSet) {
        return Math.min(Math.min(first(set), first(otherSet)), bitsBoth + Math.min(second(set), second(otherSet)));
    }

    private static long pair(int first, int second) {
        return (long) first << 32 | (second & 0xFFFF_FFFFL);
    }

    private static int first(long pair) {
        return (int) (pair >>> 32);
    }

    private static int second(long pair) {
        return (int) pair;
    }

    private static long bitsOf(int[] hashes) {
        long bits = 0;
        for (int hash : hashes) {
            bits |= 1L << (hash & 63);
        }
        return bits;
    }
}
