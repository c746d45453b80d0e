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
 * "ngo 5 cong bi tac" share "cong", "tac", "ngo", "5", "ngo 5"). Folding makes a text typed without
 * diacritics meet one typed with them; pairs keep "ngõ 5" apart from "ngõ 12". Words every petition
 * uses (xin, đề nghị, phường…) are left out: they would make every pair of petitions look alike.
 * <p>
 * Two texts are compared exactly (Jaccard of the two sets): a ward has a few hundred open cases a
 * week, so there is no need for the MinHash estimate a city-wide index would want.
 */
public final class Shingles {

    private static final Set<String> COMMON = Set.copyOf(List.of(
            "xin", "de", "nghi", "kinh", "gui", "phuong", "dong", "son", "ubnd", "uy", "ban", "nhan", "dan", "toi", "chung",
            "em", "anh", "chi", "bac", "co", "chu", "va", "cua", "o", "tai", "thi", "la", "khong", "bi", "da", "dang", "rat",
            "cac", "nhung", "nay", "do", "cho", "voi", "duoc", "nguoi", "mot", "hai", "nhu", "de", "ma", "nen", "vi", "se",
            "cung", "con", "lai", "ra", "vao", "len", "xuong", "tu", "den", "khi", "luc", "roi", "nhieu", "qua",
            "lam", "phan", "anh", "kien", "giai", "quyet", "xem", "xet", "som", "cam", "on", "a", "nhe", "oi", "nha",
            "hien", "nay", "tinh", "trang", "viec", "van", "hay", "gi", "sao", "nao", "ai", "the", "vay", "thay", "biet"));

    private Shingles() {
    }

    /** The sorted hashes of the text's syllables and syllable pairs, common words left out. */
    public static int[] of(String text) {
        if (text == null || text.isBlank()) {
            return new int[0];
        }
        List<String> words = Arrays.stream(VietnameseText.foldForMatching(text).split(" "))
                .filter(w -> !w.isEmpty() && !COMMON.contains(w))
                .toList();
        Set<Integer> hashes = new TreeSet<>();
        for (int i = 0; i < words.size(); i++) {
            hashes.add(hash(words.get(i)));
            if (i + 1 < words.size()) {
                hashes.add(hash(words.get(i) + " " + words.get(i + 1)));
            }
        }
        return hashes.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The share of shingles two texts have in common (0 to 1); two empty texts share nothing. */
    public static double similarity(int[] a, int[] b) {
        if (a.length == 0 || b.length == 0) {
            return 0;
        }
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
        return (double) both / (a.length + b.length - both);
    }

    /** A hash that is the same on every instance and after every restart (the stores keep it). */
    private static int hash(String shingle) {
        return Utils.murmur2(shingle.getBytes(StandardCharsets.UTF_8));
    }
}
