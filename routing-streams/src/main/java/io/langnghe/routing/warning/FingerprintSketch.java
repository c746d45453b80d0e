package io.langnghe.routing.warning;

/**
 * What a look-alike comparison needs to rule a pair out, in one small object read in one go: the things and places a
 * text names folded into 64 bits each, and its shingles as {@value #BITS} bits, for an upper bound on how many two
 * texts share that costs a few ANDs rather than a merge of both lists. In a flood a report meets thousands of open
 * cases that name the same thing and place as it does, or none, and most of them share too few words to be alike;
 * reading their fingerprints (an object and four arrays each) to find that out cost more than the comparison.
 * <p>
 * The bound holds whatever the hashes: each shingle both share sets a bit both sketches have, and shingles that
 * land on one bit are no more than a sketch's own collisions ({@code size - bits set}). Two texts that share a thing
 * (or a place) share its bit, so two whose bits do not meet name none the same.
 */
final class FingerprintSketch {

    static final int BITS = 512;

    private final long things;
    private final long places;
    /** The things and the states named, in one word: a shared thing or state sets a bit both have. */
    private final long meanings;
    // the shingles' bits as fields rather than an array: one object to read per case compared
    private final long w0, w1, w2, w3, w4, w5, w6, w7;
    private final int size;
    private final int collided;
    private final int named;
    private final int meaningsCollided;

    private FingerprintSketch(Fingerprint f, long[] w) {
        things = bitsOf(f.things());
        places = bitsOf(f.places());
        meanings = things | bitsOf(f.states());
        w0 = w[0];
        w1 = w[1];
        w2 = w[2];
        w3 = w[3];
        w4 = w[4];
        w5 = w[5];
        w6 = w[6];
        w7 = w[7];
        size = f.shingles().length;
        collided = size - Long.bitCount(w0) - Long.bitCount(w1) - Long.bitCount(w2) - Long.bitCount(w3)
                - Long.bitCount(w4) - Long.bitCount(w5) - Long.bitCount(w6) - Long.bitCount(w7);
        named = f.things().length + f.states().length;
        meaningsCollided = named - Long.bitCount(meanings);
    }

    static FingerprintSketch of(Fingerprint fingerprint) {
        long[] w = new long[BITS / 64];
        for (int hash : fingerprint.shingles()) {
            // the hash's top bits: murmur2 mixes them as well as the low ones, which the things' and places' bits use
            int bit = hash >>> (Integer.SIZE - 9);
            w[bit >>> 6] |= 1L << bit;
        }
        return new FingerprintSketch(fingerprint, w);
    }

    /** Whether both name things (or places), none the same: then they are not one problem, whatever their words. */
    boolean namesOtherThanItDoes(FingerprintSketch other) {
        return (things != 0 && other.things != 0 && (things & other.things) == 0)
                || (places != 0 && other.places != 0 && (places & other.places) == 0);
    }

    /** At most how many shingles the two texts share (never fewer than they do). */
    int sharedAtMost(FingerprintSketch o) {
        int both = Long.bitCount(w0 & o.w0) + Long.bitCount(w1 & o.w1) + Long.bitCount(w2 & o.w2) + Long.bitCount(w3 & o.w3)
                + Long.bitCount(w4 & o.w4) + Long.bitCount(w5 & o.w5) + Long.bitCount(w6 & o.w6) + Long.bitCount(w7 & o.w7);
        return sharedAtMost(both, size, o.size, collided, o.collided);
    }

    /** Of two sets folded into bits: each shared value sets a bit both have, at most a set's own collisions more than once. */
    private static int sharedAtMost(int bitsBoth, int size, int otherSize, int collided, int otherCollided) {
        return Math.min(Math.min(size, otherSize), bitsBoth + Math.min(collided, otherCollided));
    }

    /** At most how alike the two texts are, from the sketches alone (see {@link Fingerprint#similarityAtMost}). */
    double similarityAtMost(FingerprintSketch o) {
        if (size == 0 || o.size == 0) {
            return 0;
        }
        int meaningsShared = sharedAtMost(Long.bitCount(meanings & o.meanings), named, o.named, meaningsCollided, o.meaningsCollided);
        return Fingerprint.similarityAtMost(sharedAtMost(o), size, o.size, meaningsShared, named, o.named, (places & o.places) != 0);
    }

    private static long bitsOf(int[] hashes) {
        long bits = 0;
        for (int hash : hashes) {
            bits |= 1L << (hash & 63);
        }
        return bits;
    }
}
