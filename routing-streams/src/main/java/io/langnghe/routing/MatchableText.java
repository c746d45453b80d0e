package io.langnghe.routing;

import io.langnghe.text.VietnameseText;

import java.text.Normalizer;
import java.util.Locale;

/**
 * A petition's text made ready once for every list of phrases looked for in it (urgent words, the legal
 * track, the early warning's words), instead of normalised and folded again for each list and phrase:
 * <pre>
 *   withDiacritics  VietnameseText.hasDiacritics(text)
 *   accented        " " + lower case NFC syllables, punctuation dropped, diacritics kept + " "
 *   folded          " " + VietnameseText.foldForMatching(text) + " "
 * </pre>
 * Each form is worked out the first time it is asked for, so a list that never reads one costs nothing.
 */
public final class MatchableText {

    private static final int LETTERS_AND_NUMBERS = 1 << Character.UPPERCASE_LETTER | 1 << Character.LOWERCASE_LETTER
            | 1 << Character.TITLECASE_LETTER | 1 << Character.MODIFIER_LETTER | 1 << Character.OTHER_LETTER
            | 1 << Character.DECIMAL_DIGIT_NUMBER | 1 << Character.LETTER_NUMBER | 1 << Character.OTHER_NUMBER;

    private final String text;
    private Boolean withDiacritics;
    private String accented;
    private String folded;

    private MatchableText(String text) {
        this.text = text;
    }

    public static MatchableText of(String text) {
        return new MatchableText(text);
    }

    /** Null, empty or only blanks: no phrase can be in it. */
    public boolean isBlank() {
        return text == null || text.isBlank();
    }

    /** Typed with Vietnamese diacritics (or đ), not "không dấu". */
    public boolean withDiacritics() {
        if (withDiacritics == null) {
            withDiacritics = VietnameseText.hasDiacritics(text);
        }
        return withDiacritics;
    }

    /** Lower case NFC syllables with their diacritics, one space between, one space on each side. */
    public String accented() {
        if (accented == null) {
            accented = " " + syllables(text) + " ";
        }
        return accented;
    }

    /** Folded syllables, one space between, one space on each side. */
    public String folded() {
        if (folded == null) {
            folded = " " + VietnameseText.foldForMatching(text) + " ";
        }
        return folded;
    }

    /**
     * Lower case NFC syllables, punctuation dropped, diacritics kept: the runs that {@code [^\p{L}\p{N}]+} splits
     * out, joined by single spaces, read in one pass over the code points rather than by a regex.
     */
    public static String syllables(String text) {
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(nfc.length());
        boolean gap = false;
        for (int i = 0; i < nfc.length(); ) {
            int codePoint = nfc.codePointAt(i);
            i += Character.charCount(codePoint);
            if ((LETTERS_AND_NUMBERS >> Character.getType(codePoint) & 1) != 0) {
                if (gap && !out.isEmpty()) {
                    out.append(' ');
                }
                gap = false;
                out.appendCodePoint(codePoint);
            } else {
                gap = true;
            }
        }
        return out.toString();
    }
}
