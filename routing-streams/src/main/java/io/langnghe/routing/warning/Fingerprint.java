package io.langnghe.routing.warning;

import io.langnghe.text.VietnameseText;
import org.apache.kafka.common.utils.Utils;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A text as the set of its folded syllables and pairs of syllables, hashed ("cống tắc ở ngõ 5" and
 * "ngo 5 cong bi tac" share "cong", "tac", "ngo", "5", "ngo 5"), and the places it names ("ngõ 45",
 * "số 18", "tổ 7"). Folding makes a text typed without diacritics meet one typed with them. Words
 * every petition uses (xin, đề nghị, phường…) are left out: they would make every pair alike.
 * <p>
 * Two texts are compared exactly (Jaccard of the two sets): a ward has a few hundred open cases a
 * week, so there is no need for the MinHash estimate a city-wide index would want. A place both texts
 * name is strong evidence (+{@value #SAME_PLACE}); two texts that name places, none of them the same,
 * are about different places whatever their words ("đèn ngõ 14 hỏng" is not "đèn ngõ 88 hỏng").
 *
 * @param shingles sorted hashes of the syllables and syllable pairs
 * @param places   sorted hashes of the places named: a number after ngõ, ngách, hẻm, kiệt, số, nhà, tổ, lô, khu
 */
public record Fingerprint(int[] shingles, int[] places) {

    static final double SAME_PLACE = 0.1;
    private static final Set<String> PLACE_WORDS = Set.of("ngo", "ngach", "hem", "kiet", "so", "nha", "to", "lo", "khu");
    private static final Set<String> COMMON = Set.copyOf(List.of(
            "xin", "de", "nghi", "kinh", "gui", "phuong", "dong", "son", "ubnd", "uy", "ban", "nhan", "dan", "toi", "chung",
            "em", "anh", "chi", "bac", "co", "chu", "va", "cua", "o", "tai", "thi", "la", "khong", "bi", "da", "dang", "rat",
            "cac", "nhung", "nay", "do", "cho", "voi", "duoc", "nguoi", "mot", "hai", "nhu", "ma", "nen", "vi", "se",
            "cung", "con", "lai", "ra", "vao", "len", "xuong", "tu", "den", "khi", "luc", "roi", "nhieu", "qua",
            "lam", "phan", "kien", "giai", "quyet", "xem", "xet", "som", "cam", "on", "a", "nhe", "oi", "nha",
            "hien", "tinh", "trang", "viec", "van", "hay", "gi", "sao", "nao", "ai", "the", "vay", "thay", "biet"));

    public static Fingerprint of(String text) {
        if (text == null || text.isBlank()) {
            return new Fingerprint(new int[0], new int[0]);
        }
        String[] all = VietnameseText.foldForMatching(text).split(" ");
        Set<Integer> places = new TreeSet<>();
        for (int i = 0; i + 1 < all.length; i++) {
            if (PLACE_WORDS.contains(all[i]) && all[i + 1].chars().allMatch(Character::isDigit) && !all[i + 1].isEmpty()) {
                places.add(hash(all[i] + " " + all[i + 1]));
            }
        }
        List<String> words = Arrays.stream(all).filter(w -> !w.isEmpty() && !COMMON.contains(w)).toList();
        Set<Integer> hashes = new TreeSet<>();
        for (int i = 0; i < words.size(); i++) {
            hashes.add(hash(words.get(i)));
            if (i + 1 < words.size()) {
                hashes.add(hash(words.get(i) + " " + words.get(i + 1)));
            }
        }
        return new Fingerprint(sorted(hashes), sorted(places));
    }

    /** How alike two texts are, 0 to 1 (see the class comment). */
    public double similarity(Fingerprint other) {
        if (shingles.length == 0 || other.shingles.length == 0) {
            return 0;
        }
        int samePlaces = common(places, other.places);
        if (places.length > 0 && other.places.length > 0 && samePlaces == 0) {
            return 0;
        }
        int both = common(shingles, other.shingles);
        double jaccard = (double) both / (shingles.length + other.shingles.length - both);
        return Math.min(1, jaccard + (samePlaces > 0 ? SAME_PLACE : 0));
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
