package io.langnghe.routing.classify;

import java.util.ArrayList;
import java.util.List;

/**
 * A syllable as the model reads it: folded, shorthand expanded ({@link Teencode}), next to the way
 * the resident wrote it, so the reasons quote the petition and not the model's spelling. Numbers
 * (house numbers, times) are left out: they name places, not problems.
 */
record Token(String normal, String written) {

    static List<Token> of(List<Syllable> syllables) {
        List<Token> tokens = new ArrayList<>(syllables.size());
        for (Syllable syllable : syllables) {
            if (hasDigit(syllable.written())) {
                continue;
            }
            for (String normal : Teencode.expand(syllable.folded())) {
                tokens.add(new Token(normal, syllable.written()));
            }
        }
        return tokens;
    }

    private static boolean hasDigit(String syllable) {
        for (int i = 0; i < syllable.length(); i++) {
            if (Character.isDigit(syllable.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
