package io.langnghe.ingest.text;

import java.text.Normalizer;

/**
 * Whether a field a person sent is already in the form it is stored in, so that normalising it
 * ({@code VietnameseText.normalize}: NFC, control characters out, blanks collapsed, trimmed) would
 * give it back unchanged. Most fields are (an area code, "web", a phone, a petition typed on a
 * phone), and the check is one pass over the characters where normalising is six (three regular
 * expressions, NFC, a split, two trims); anything unusual is simply not vouched for and goes the long way.
 */
public final class StoredText {

    private StoredText() {
    }

    /**
     * True only when normalising would change nothing: NFC, single spaces between words and none at the
     * ends, and no character that normalising removes, collapses or splits on (controls, format
     * characters, tabs, line breaks, other blanks) nor any outside the Basic Multilingual Plane.
     */
    public static boolean isStoredForm(String text) {
        if (text.isEmpty()) {
            return false;
        }
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
        return previous != ' ' && (ascii || Normalizer.isNormalized(text, Normalizer.Form.NFC));
    }

    /**
     * As {@link #isStoredForm}, and certainly not typed with an old TCVN3 or VNI font: plain ASCII, or
     * holding a letter only Unicode Vietnamese has (so {@link LegacyVietnamese} would leave it as it is).
     */
    public static boolean isStoredUnicodeProse(String text) {
        return isStoredForm(text) && (isAscii(text) || LegacyVietnamese.hasUnicodeOnlyLetter(text));
    }

    private static boolean plainOutsideAscii(char c) {
        if (c == '\u00A0' || c == '\u0085' || Character.isWhitespace(c) || Character.isSpaceChar(c)) {
            return false;
        }
        int type = Character.getType(c);
        return type != Character.CONTROL && type != Character.FORMAT && type != Character.SURROGATE
                && type != Character.PRIVATE_USE && type != Character.UNASSIGNED;
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
