package io.langnghe.routing.classify;

import java.util.List;
import java.util.Map;

/**
 * The one place where residents' shorthand becomes the words it stands for, on folded syllables:
 * "ko", "k", "hok" → "khong"; "dc", "đc" → "duoc"; "nc" → "nuoc"; "j" → "gi"; "tdp" → "to dan pho".
 * It also reads the keys of the Telex input method left in a text when the keyboard was switched
 * off ("ddieenj" → "dien", "nuwowcs" → "nuoc"). The classifier and its training corpus both read
 * text through it, so the model sees one spelling.
 */
public final class Teencode {

    private static final Map<String, List<String>> EXPANSIONS = Map.ofEntries(
            Map.entry("ko", List.of("khong")), Map.entry("k", List.of("khong")), Map.entry("kh", List.of("khong")),
            Map.entry("hok", List.of("khong")), Map.entry("hong", List.of("khong")), Map.entry("khg", List.of("khong")),
            Map.entry("kg", List.of("khong")), Map.entry("hem", List.of("khong")),
            Map.entry("dc", List.of("duoc")), Map.entry("dk", List.of("duoc")), Map.entry("dck", List.of("duoc")),
            Map.entry("nc", List.of("nuoc")), Map.entry("j", List.of("gi")), Map.entry("vs", List.of("voi")),
            Map.entry("r", List.of("roi")), Map.entry("oy", List.of("roi")), Map.entry("wa", List.of("qua")),
            Map.entry("bit", List.of("biet")), Map.entry("mn", List.of("moi", "nguoi")), Map.entry("chx", List.of("chua")),
            Map.entry("ng", List.of("nguoi")), Map.entry("dg", List.of("duong")), Map.entry("thy", List.of("thi")),
            Map.entry("cx", List.of("cung")), Map.entry("trc", List.of("truoc")), Map.entry("ntn", List.of("nhu", "the", "nao")),
            Map.entry("bn", List.of("bao", "nhieu")), Map.entry("hum", List.of("hom")), Map.entry("z", List.of("vay")),
            Map.entry("tdp", List.of("to", "dan", "pho")), Map.entry("ubnd", List.of("uy", "ban", "nhan", "dan")),
            Map.entry("p", List.of("phuong")), Map.entry("sdd", List.of("su", "dung", "dat")));

    private Teencode() {
    }

    /** The folded syllables a shorthand stands for, or the syllable itself. */
    public static List<String> expand(String foldedSyllable) {
        List<String> expansion = EXPANSIONS.get(foldedSyllable);
        return expansion != null ? expansion : List.of(withoutTelexKeys(foldedSyllable));
    }

    /**
     * A syllable with its Telex keys removed: a folded Vietnamese syllable never ends in s, f, r, x
     * or j (those are tone keys), never holds w (the horn and breve key) and never doubles a, e, o or d
     * (the circumflex and đ keys). Anything else is returned as it is.
     */
    static String withoutTelexKeys(String syllable) {
        int length = syllable.length();
        if (length < 3 || !hasVowel(syllable)) {
            return syllable;
        }
        char last = syllable.charAt(length - 1);
        boolean toneKey = last == 's' || last == 'f' || last == 'r' || last == 'x' || last == 'j';
        boolean markKeys = syllable.indexOf('w') >= 0 || syllable.contains("dd") || syllable.contains("aa")
                || syllable.contains("ee") || syllable.contains("oo");
        if (!toneKey && !markKeys) {
            return syllable;
        }
        StringBuilder plain = new StringBuilder(length);
        int end = toneKey ? length - 1 : length;
        for (int i = 0; i < end; i++) {
            char c = syllable.charAt(i);
            boolean doubled = i > 0 && c == syllable.charAt(i - 1) && (c == 'a' || c == 'e' || c == 'o' || c == 'd');
            if (c == 'w') {
                // "uw", "ow", "aw" lose the key; a lone "w" stands for "ư".
                if (i == 0 || "uoa".indexOf(syllable.charAt(i - 1)) < 0) {
                    plain.append('u');
                }
            } else if (!doubled) {
                plain.append(c);
            }
        }
        return plain.toString();
    }

    private static boolean hasVowel(String syllable) {
        for (int i = 0; i < syllable.length(); i++) {
            if ("aeiouy".indexOf(syllable.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }
}
