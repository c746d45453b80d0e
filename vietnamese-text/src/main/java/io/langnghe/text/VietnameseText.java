package io.langnghe.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Vietnamese text, handled the same way everywhere: stored as written in NFC, compared folded.
 * Folding removes tones and vowel marks and turns đ into d, so "Cống thoát nước", "cong thoat nuoc"
 * and the NFD form of the first all fold to "cong thoat nuoc". Classification, duplicate detection,
 * indexing and queries all use {@link #fold}; the search index keeps both forms.
 */
public final class VietnameseText {

    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Cf}&&[^\\n\\t]]");
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0]+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private VietnameseText() {
    }

    /**
     * Text as it should be stored: NFC (composed), invisible control characters removed, runs of
     * blanks collapsed, trimmed. Newlines are kept: residents write paragraphs.
     */
    public static String normalize(String text) {
        if (text == null) {
            return null;
        }
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
        String clean = CONTROL.matcher(nfc).replaceAll("");
        StringBuilder out = new StringBuilder(clean.length());
        for (String line : clean.split("\\R", -1)) {
            if (!out.isEmpty()) {
                out.append('\n');
            }
            out.append(SPACES.matcher(line).replaceAll(" ").strip());
        }
        return out.toString().strip();
    }

    /** Lower case, without diacritics, đ→d, single spaces: the form used to compare and search. */
    public static String fold(String text) {
        if (text == null) {
            return null;
        }
        return SPACES.matcher(bareLetters(text).toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    /** Folded syllables: Vietnamese words are written as space-separated syllables. */
    public static List<String> syllables(String text) {
        List<String> tokens = new ArrayList<>();
        if (text == null) {
            return tokens;
        }
        for (String token : NOT_WORD.split(fold(text))) {
            if (!token.isEmpty()) {
                tokens.add(token);
            }
        }
        return tokens;
    }

    /** Folded text with punctuation turned into single spaces, for phrase matching on whole syllables. */
    public static String foldForMatching(String text) {
        return String.join(" ", syllables(text));
    }

    /** True when the text carries Vietnamese diacritics (or đ), i.e. was not typed "không dấu". */
    public static boolean hasDiacritics(String text) {
        return text != null && !fold(text).equals(SPACES.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ").strip());
    }

    /** The same text "không dấu" (tones and vowel marks removed, đ→d) with its case and spacing kept: for SMS. */
    public static String withoutDiacritics(String text) {
        if (text == null) {
            return null;
        }
        return Normalizer.normalize(bareLetters(text), Normalizer.Form.NFC);
    }

    /** Tones and vowel marks taken off (the text decomposed, its combining marks dropped), and đ read as d. */
    private static String bareLetters(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        return COMBINING_MARKS.matcher(decomposed).replaceAll("").replace('đ', 'd').replace('Đ', 'D');
    }
}
