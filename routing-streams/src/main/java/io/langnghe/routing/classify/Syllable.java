package io.langnghe.routing.classify;

import io.langnghe.text.VietnameseText;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One syllable as written (lower case, NFC) and folded. Keeping both lets a phrase match on folded
 * text while a syllable typed with diacritics must still carry the right ones: "đặt" is not "đất",
 * "công an" is not "cống", "thuộc" is not "thuốc".
 */
record Syllable(String written, String folded) {

    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    static List<Syllable> of(String text) {
        List<Syllable> syllables = new ArrayList<>();
        if (text == null) {
            return syllables;
        }
        String lower = Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        for (String token : NOT_WORD.split(lower)) {
            String folded = VietnameseText.foldForMatching(token);
            if (!folded.isEmpty()) {
                syllables.add(new Syllable(token, folded));
            }
        }
        return syllables;
    }

    /** Same folded form, and the same marks unless one side was typed without any. */
    boolean matches(Syllable other) {
        return folded.equals(other.folded)
                && (isBare() || other.isBare() || written.equals(other.written));
    }

    private boolean isBare() {
        return written.equals(folded);
    }
}
