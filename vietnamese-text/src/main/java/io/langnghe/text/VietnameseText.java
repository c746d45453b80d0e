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
    // Vietnamese's letters with a tone or a vowel mark (NFC, lower case), and đ
    private static final String MARKED_LETTERS = "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ";

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
        // most text (a code, a phone, a petition typed on a phone) is stored as sent: one pass tells, instead of six
        return isNormalized(text) ? text : normalizeFully(text);
    }

    /** {@link #normalize} the long way: NFC, three regular expressions, a split and two trims. */
    static String normalizeFully(String text) {
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

    /**
     * True only when {@link #normalize} would give the text back unchanged: NFC, single spaces between words
     * and none at the ends, and no character that normalising removes, collapses or splits on (controls,
     * format characters, tabs, line breaks, other blanks) nor any outside the Basic Multilingual Plane.
     * Anything unusual is simply not vouched for.
     */
    public static boolean isNormalized(String text) {
        boolean ascii = true;
        char previous = ' ';
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ') {
                if (previous == ' ') {
                    return false;
                }
            } else if (c < 0x80) {
                if (c < 0x21 || c == 0x7F) {
                    return false;
                }
            } else {
                ascii = false;
                if (!plainOutsideAscii(c)) {
                    return false;
                }
            }
            previous = c;
        }
        return (text.isEmpty() || previous != ' ') && (ascii || Normalizer.isNormalized(text, Normalizer.Form.NFC));
    }

    private static boolean plainOutsideAscii(char c) {
        if (c == '\u00A0' || c == '\u0085' || Character.isWhitespace(c) || Character.isSpaceChar(c)) {
            return false;
        }
        int type = Character.getType(c);
        return type != Character.CONTROL && type != Character.FORMAT && type != Character.SURROGATE
                && type != Character.PRIVATE_USE && type != Character.UNASSIGNED;
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
        if (text == null) {
            return false;
        }
        // One pass answers for nearly every petition: a Vietnamese letter with its marks can never survive folding,
        // and plain ASCII folds to itself. Anything else (NFD, another script) is compared the long way.
        boolean ascii = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                if (MARKED_LETTERS.indexOf(Character.toLowerCase(c)) >= 0) {
                    return true;
                }
                ascii = false;
            }
        }
        return !ascii && !fold(text).equals(SPACES.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ").strip());
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
