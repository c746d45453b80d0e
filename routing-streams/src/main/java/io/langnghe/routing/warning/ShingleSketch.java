package io.langnghe.routing.warning;

/**
 * A fingerprint's shingles as {@value #BITS} bits, for an upper bound on how many two texts share that costs a few
 * ANDs rather than a merge of both lists: in a flood, a report meets thousands of open cases that name the same
 * thing and place as it does, or none, and most of them share too few words to be alike.
 * <p>
 * The bound holds whatever the hashes: each shingle both share sets a bit both sketches have, and shingles that
 * land on one bit are no more than a sketch's own collisions ({@code size - bits set}).
 */
final class ShingleSketch {

    static final int BITS = 512;
    private static final ShingleSketch EMPTY = new ShingleSketch(new long[BITS / 64], 0, 0);

    private final long[] bits;
    private final int size;
    private final int collided;

    private ShingleSketch(long[] bits, int size, int collided) {
        this.bits = bits;
        this.size = size;
        this.collided = collided;
    }

    static ShingleSketch of(Fingerprint fingerprint) {
        int[] shingles = fingerprint.shingles();
        if (shingles.length == 0) {
            return EMPTY;
        }
        long[] bits = new long[BITS / 64];
        for (int hash : shingles) {
            // the hash's top bits: murmur2 mixes them as well as the low ones, which the index's other bits use
            int bit = hash >>> (Integer.SIZE - 9);
            bits[bit >>> 6] |= 1L << bit;
        }
        int set = 0;
        for (long word : bits) {
            set += Long.bitCount(word);
        }
        return new ShingleSketch(bits, shingles.length, shingles.length - set);
    }

    /** At most how many shingles the two texts share (never fewer than they do). */
    int sharedAtMost(ShingleSketch other) {
        int both = 0;
        for (int i = 0; i < bits.length; i++) {
            both += Long.bitCount(bits[i] & other.bits[i]);
        }
        return Math.min(Math.min(size, other.size), both + Math.min(collided, other.collided));
    }
}
