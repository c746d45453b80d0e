package io.langnghe.notify.text;

import io.langnghe.text.VietnameseText;

/**
 * SMS as phones count it. GSM-7 (GSM 03.38): 160 characters in one part, 153 per part when split,
 * the extension characters ({@code ^{}[]~|€\}) counting twice. UCS-2, needed for Vietnamese
 * diacritics: 70 in one part, 67 per part when split. Brandname SMS in Vietnam are usually sent
 * "không dấu" in one GSM-7 part; a ward may choose diacritics at the price of more parts.
 */
public final class SmsText {

    private static final String GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String GSM_EXTENSION = "^{}\\[~]|€\f";

    private SmsText() {
    }

    /** The text an SMS carries and how: {@code unicode} false means GSM-7. */
    public record Encoded(String text, boolean unicode, int parts) {
    }

    /** GSM-7 without diacritics, or UCS-2 as written when the ward chooses it. */
    public static Encoded encode(String text, boolean unicodeChosen) {
        if (unicodeChosen && !isGsm7(text)) {
            return new Encoded(text, true, parts(text, true));
        }
        String plain = toGsm7(text);
        return new Encoded(plain, false, parts(plain, false));
    }

    public static boolean isGsm7(String text) {
        return text.codePoints().allMatch(c -> GSM_BASIC.indexOf(c) >= 0 || GSM_EXTENSION.indexOf(c) >= 0);
    }

    /** Parts needed for this text in this encoding. */
    public static int parts(String text, boolean unicode) {
        int units = unicode ? text.length() : septets(text);
        int single = unicode ? 70 : 160;
        int perPart = unicode ? 67 : 153;
        return units <= single ? 1 : (units + perPart - 1) / perPart;
    }

    /** Vietnamese "không dấu", with typographic marks turned into their GSM-7 look-alikes and anything else dropped. */
    static String toGsm7(String text) {
        String bare = VietnameseText.withoutDiacritics(text)
                .replace('“', '"').replace('”', '"').replace('‘', '\'').replace('’', '\'')
                .replace("…", "...").replace('–', '-').replace('—', '-');
        StringBuilder out = new StringBuilder(bare.length());
        bare.codePoints().filter(c -> GSM_BASIC.indexOf(c) >= 0 || GSM_EXTENSION.indexOf(c) >= 0).forEach(out::appendCodePoint);
        return out.toString();
    }

    private static int septets(String text) {
        return text.codePoints().map(c -> GSM_EXTENSION.indexOf(c) >= 0 ? 2 : 1).sum();
    }
}
