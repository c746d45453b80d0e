package io.langnghe.routing.classify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The words the model counts: each syllable and each pair of neighbouring syllables ("cong thoat",
 * "thoat nuoc"), since most Vietnamese words are two syllables and one alone often means little
 * ("cong" is a drain, a public thing or the police). Each feature keeps its first written form.
 */
final class Features {

    // The courtesies every petition carries, whatever its problem ("kính gửi UBND phường", "đề nghị giải quyết sớm").
    // A pair of them is left out too; a pair with one real word ("đề nghị sửa") is kept.
    private static final Set<String> COMMON = Set.of(
            "kinh", "gui", "uy", "ban", "nhan", "dan", "phuong", "lanh", "dao", "xin", "de", "nghi", "mong", "giai", "quyet",
            "phan", "anh", "som", "tran", "trong", "chao");

    // Grammar and place words: they help the model a little but explain nothing to an officer.
    private static final Set<String> EXPLAIN_NOTHING = Set.of(
            "va", "cua", "co", "la", "o", "cho", "da", "nhung", "thi", "rat", "nay", "cac", "mot", "nhu", "voi", "tu", "den",
            "ma", "lai", "ca", "bi", "duoc", "roi", "qua", "gi", "hay", "khi", "tren", "sau", "vao", "ra", "nen", "vi", "neu",
            "thay", "lam", "nhieu", "lan", "van", "vay", "dung", "can", "se", "dang", "moi", "cung", "hon", "tai", "khong",
            "nha", "so", "ngo", "pho", "to", "khu", "truoc", "ngay", "nam", "thang", "tuan", "hom", "gio", "toi", "em", "ai");

    private Features() {
    }

    /** Feature → as first written in the text, in reading order. */
    static Map<String, String> of(String text) {
        return of(Syllable.of(text));
    }

    static Map<String, String> of(List<Syllable> syllables) {
        List<Token> tokens = Token.of(syllables);
        Map<String, String> features = new LinkedHashMap<>();
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (!COMMON.contains(token.normal())) {
                features.putIfAbsent(token.normal(), token.written());
            }
            if (i + 1 < tokens.size() && !(COMMON.contains(token.normal()) && COMMON.contains(tokens.get(i + 1).normal()))) {
                Token next = tokens.get(i + 1);
                String written = next.written().equals(token.written()) ? token.written() : token.written() + " " + next.written();
                features.putIfAbsent(token.normal() + " " + next.normal(), written);
            }
        }
        return features;
    }

    static List<String> names(String text) {
        return new ArrayList<>(of(text).keySet());
    }

    /** Whether a feature is worth showing as a reason: none of its syllables is a grammar or place word. */
    static boolean explains(String feature) {
        for (String syllable : feature.split(" ")) {
            if (EXPLAIN_NOTHING.contains(syllable) || COMMON.contains(syllable)) {
                return false;
            }
        }
        return true;
    }
}
