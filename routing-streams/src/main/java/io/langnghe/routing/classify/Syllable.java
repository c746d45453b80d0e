package io.langnghe.routing.classify;

import io.langnghe.text.VietnameseText;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One syllable as written (lower case, NFC) and folded. Keeping both lets a phrase match on folded
 * text while a syllable typed with diacritics must still carry the right ones: "đặt" is not "đất",
 * "công an" is not "cống", "thuộc" is not "thuốc".
 */
record Syllable(String written, String folded) {

    static List<Syllable> of(String text) {
        List<Syllable> syllables = new ArrayList<>();
        if (text == null) {
            return syllables;
        }
        String nfc = Normalizer.isNormalized(text, Normalizer.Form.NFC) ? text : Normalizer.normalize(text, Normalizer.Form.NFC);
        String lower = nfc.toLowerCase(Locale.ROOT);
        List<String> tokens = words(lower);
        // One fold of the whole text instead of one per syllable; per syllable only if they fall out of step.
        List<String> foldedTokens = words(VietnameseText.fold(lower));
        boolean aligned = foldedTokens.size() == tokens.size();
        for (int i = 0; i < tokens.size(); i++) {
            String folded = aligned ? foldedTokens.get(i) : VietnameseText.foldForMatching(tokens.get(i));
            if (!folded.isEmpty()) {
                syllables.add(new Syllable(tokens.get(i), folded));
            }
        }
        return syllables;
    }

    /** The runs of letters and digits: what {@code [^\\p{L}\\p{N}]+} splits out, without a regex on the hot path. */
    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean word = Character.isLetter(c) || Character.isDigit(c);
            if (word && start < 0) {
                start = i;
            } else if (!word && start >= 0) {
                words.add(text.substring(start, i));
                start = -1;
            }
        }
        if (start >= 0) {
            words.add(text.substring(start));
        }
        return words;
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
