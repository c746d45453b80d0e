package io.langnghe.routing.warning;

import io.langnghe.routing.MatchableText;
import io.langnghe.routing.classify.Teencode;
import org.apache.kafka.common.utils.Utils;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * A text as the set of its folded syllables and pairs of syllables, hashed ("cống tắc ở ngõ 5" and
 * "ngo 5 cong bi tac" share "cong", "tac", "ngo", "5", "ngo 5"), what it names in the words of
 * taxonomy/synonyms.yml (the things it is about and what is wrong with them: "đèn đường không sáng"
 * and "bóng chiếu sáng hỏng" both name a street light, broken), and the places it names ("ngõ 45",
 * "số 18", "tổ 7"). Folding and residents' shorthand ("nc" → "nuoc") make a text typed without
 * diacritics meet one typed with them. Words every petition uses (xin, đề nghị, phường…) are left
 * out: they would make every pair alike.
 * <p>
 * Two texts are compared exactly, once the look-alike index has left out, by a sketch of their shingles
 * ({@link FingerprintSketch}), the pairs that cannot be alike enough. MinHash bands would lose look-alikes here:
 * pairs alike at a Jaccard of 0.15 (0.25 less a shared place) are too near the 0.03–0.05 that unrelated
 * petitions share.
 * <pre>
 *   words(a, b)    = Jaccard of the shingles
 *   meaning(a, b)  = Jaccard of the things and states named
 *   similarity     = (words + meaning) / 2 when they share {@value #MEANINGS_FOR_ONE_PROBLEM} things or states, else words;
 *                    + {@value #SAME_PLACE} for a place both name
 *   similarity     = 0 when both name places, none the same ("đèn ngõ 14 hỏng" is not "đèn ngõ 88 hỏng"),
 *                    or both name things, none the same ("đèn đường hỏng" is not "cống tắc", even in one ngõ)
 * </pre>
 *
 * @param shingles sorted hashes of the syllables and syllable pairs
 * @param places   sorted hashes of the places named: a number after ngõ, ngách, hẻm, kiệt, số, nhà, tổ, lô, khu, thôn,
 *                 xóm, phố (khu phố 5, tổ dân phố 9), TDP, KP
 * @param things   sorted hashes of the things named (taxonomy/synonyms.yml's things)
 * @param states   sorted hashes of what is wrong with them (its states)
 */
public record Fingerprint(int[] shingles, int[] places, int[] things, int[] states) {

    static final double SAME_PLACE = 0.1;
    static final int MEANINGS_FOR_ONE_PROBLEM = 2;
    private static final Synonyms SYNONYMS = Synonyms.loadDefault();
    private static final Set<String> PLACE_WORDS = Set.of("ngo", "ngach", "hem", "kiet", "so", "nha", "to", "lo", "khu", "thon", "xom", "pho",
            "tdp", "kp");
    private static final Set<String> COMMON = Set.copyOf(List.of(
            "xin", "de", "nghi", "kinh", "gui", "phuong", "dong", "son", "ubnd", "uy", "ban", "nhan", "dan", "toi", "chung",
            "em", "anh", "chi", "bac", "co", "chu", "va", "cua", "o", "tai", "thi", "la", "khong", "bi", "da", "dang", "rat",
            "cac", "nhung", "nay", "do", "cho", "voi", "duoc", "nguoi", "mot", "hai", "nhu", "ma", "nen", "vi", "se",
            "cung", "con", "lai", "ra", "vao", "len", "xuong", "tu", "den", "khi", "luc", "roi", "nhieu", "qua",
            "lam", "phan", "kien", "giai", "quyet", "xem", "xet", "som", "cam", "on", "a", "nhe", "oi", "nha",
            "hien", "tinh", "trang", "viec", "van", "hay", "gi", "sao", "nao", "ai", "the", "vay", "thay", "biet"));

    private static final int[] NONE = new int[0];

    /** A fingerprint kept before things and states were named reads as naming none. */
    public Fingerprint {
        shingles = shingles == null ? NONE : shingles;
        places = places == null ? NONE : places;
        things = things == null ? NONE : things;
        states = states == null ? NONE : states;
    }

    public static Fingerprint of(String text) {
        return of(MatchableText.of(text));
    }

    /** As {@link #of(String)}, from the folded syllables the text's other readers share. */
    public static Fingerprint of(MatchableText text) {
        if (text.isBlank()) {
            return new Fingerprint(NONE, NONE, NONE, NONE);
        }
        String folded = text.folded();
        String[] all = folded.substring(1, folded.length() - 1).split(" ");
        Set<Integer> places = new TreeSet<>();
        for (int i = 0; i + 1 < all.length; i++) {
            if (PLACE_WORDS.contains(all[i]) && all[i + 1].chars().allMatch(Character::isDigit) && !all[i + 1].isEmpty()) {
                places.add(hash(all[i] + " " + all[i + 1]));
            }
        }
        String[] expanded = Arrays.stream(all).flatMap(Fingerprint::expand).toArray(String[]::new);
        List<String> words = Arrays.stream(expanded).filter(w -> !w.isEmpty() && !COMMON.contains(w)).toList();
        Set<Integer> hashes = new TreeSet<>();
        for (int i = 0; i < words.size(); i++) {
            hashes.add(hash(words.get(i)));
            if (i + 1 < words.size()) {
                hashes.add(hash(words.get(i) + " " + words.get(i + 1)));
            }
        }
        Set<Integer> things = new TreeSet<>();
        Set<Integer> states = new TreeSet<>();
        for (Synonyms.Meaning meaning : SYNONYMS.meanings(expanded)) {
            (meaning.state() ? states : things).add(hash("=" + meaning.code()));
        }
        return new Fingerprint(sorted(hashes), sorted(places), sorted(things), sorted(states));
    }

    /** Residents' shorthand as words ("nc" → "nuoc"), but "hong" stays: folded, "hỏng" (broken) matters more than "hông" (không). */
    private static Stream<String> expand(String folded) {
        return folded.equals("hong") ? Stream.of(folded) : Teencode.expand(folded).stream();
    }

    /** How alike two texts are, 0 to 1 (see the class comment). */
    public double similarity(Fingerprint other) {
        return alike(other, -1);
    }

    /**
     * How alike two texts are at most that share at most {@code sharedShingles} shingles and {@code sharedMeanings}
     * things and states, and may or may not share a place: all that a sketch of each tells. (The similarity grows with
     * each; with two meanings shared it is the mean of words and meanings, which may be below the words alone.)
     */
    static double similarityAtMost(int sharedShingles, int shingles, int otherShingles, int sharedMeanings, int named, int otherNamed,
                                   boolean mayShareAPlace) {
        double words = jaccard(sharedShingles, shingles, otherShingles);
        double similarity = words;
        if (sharedMeanings >= MEANINGS_FOR_ONE_PROBLEM) {
            similarity = Math.max(words, (words + jaccard(sharedMeanings, named, otherNamed)) / 2);
        }
        return Math.min(1, similarity + (mayShareAPlace ? SAME_PLACE : 0));
    }

    /** As {@link #similarity}, for texts that share at most {@code sharedShingles} shingles: all exact but the words. */
    double similarityAtMost(Fingerprint other, int sharedShingles) {
        return alike(other, sharedShingles);
    }

    /** @param sharedShingles the shingles both have, or -1 to count them */
    private double alike(Fingerprint other, int sharedShingles) {
        if (shingles.length == 0 || other.shingles.length == 0) {
            return 0;
        }
        if (unlike(places, other.places) || unlike(things, other.things)) {
            return 0;
        }
        int samePlaces = common(places, other.places);
        int sameThings = common(things, other.things);
        double words = jaccard(sharedShingles < 0 ? common(shingles, other.shingles) : sharedShingles, shingles.length, other.shingles.length);
        int named = things.length + states.length;
        int otherNamed = other.things.length + other.states.length;
        double similarity = words;
        int sameMeanings = sameThings + common(states, other.states);
        // One shared meaning ("rác") is a topic, not yet a problem: five rubbish complaints of one tổ are a spike, not one issue.
        if (sameMeanings >= MEANINGS_FOR_ONE_PROBLEM) {
            similarity = (words + jaccard(sameMeanings, named, otherNamed)) / 2;
        }
        return Math.min(1, similarity + (samePlaces > 0 ? SAME_PLACE : 0));
    }

    /** Jaccard of two sets of the given sizes that share {@code shared} values. */
    private static double jaccard(int shared, int size, int otherSize) {
        return (double) shared / (size + otherSize - shared);
    }

    /** Both name places (or things), none the same: not one problem, whatever their words. */
    private static boolean unlike(int[] named, int[] otherNamed) {
        return named.length > 0 && otherNamed.length > 0 && common(named, otherNamed) == 0;
    }

    /** How many values two sorted arrays share. */
    private static int common(int[] a, int[] b) {
        int i = 0;
        int j = 0;
        int both = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                both++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return both;
    }

    private static int[] sorted(Set<Integer> hashes) {
        return hashes.stream().mapToInt(Integer::intValue).toArray();
    }

    /** A hash that is the same on every instance and after every restart (the stores keep it). */
    private static int hash(String shingle) {
        return Utils.murmur2(shingle.getBytes(StandardCharsets.UTF_8));
    }
}
