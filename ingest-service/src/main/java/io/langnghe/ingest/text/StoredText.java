package io.langnghe.ingest.text;

import io.langnghe.text.VietnameseText;

/**
 * Whether words a person sent are already in the form they are stored in, old fonts included: then the
 * form keeps them as sent instead of reading them as TCVN3 or VNI and normalising them (a check of one
 * pass where the long way is seven).
 */
public final class StoredText {

    private StoredText() {
    }

    /**
     * {@link VietnameseText#isNormalized}, and certainly not typed with an old TCVN3 or VNI font: plain ASCII, or
     * holding a letter only Unicode Vietnamese has (so {@link LegacyVietnamese} would leave it as it is).
     */
    public static boolean isStoredUnicodeProse(String text) {
        return VietnameseText.isNormalized(text) && (isAscii(text) || LegacyVietnamese.hasUnicodeOnlyLetter(text));
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
