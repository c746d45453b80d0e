package io.langnghe.search.publicread;

import java.text.Normalizer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks what identifies a resident in a petition's text before it is shown to the public (Decree
 * 13/2023): phone numbers, e-mail addresses, identity-card numbers, a name the writer introduces
 * ("tôi là Nguyễn Văn An", "tên tôi là ...", "họ tên: ..."), and the name the resident gave in the
 * contact form wherever it appears.
 *
 * <p>Limits, by design on the safe side or simply beyond a pattern's reach:
 * <ul>
 *   <li>a name is recognised only after an introduction and only when capitalised; "tôi là nguyễn
 *       văn an" stays as written, and so does a name that is not introduced ("ông Bình tổ 5");</li>
 *   <li>a capitalised word after an introduction is taken as a name, so "Tôi là Trưởng tổ dân phố"
 *       loses "Trưởng" too (too much masked rather than too little);</li>
 *   <li>addresses ("số 12 ngõ 5"), licence plates, bank accounts with separators and nicknames are
 *       left as written; numbers are masked only in the shapes of a phone or an identity card.</li>
 * </ul>
 */
public final class TextMasking {

    public static final String PHONE = "[số điện thoại]";
    public static final String EMAIL = "[email]";
    public static final String ID_NUMBER = "[số giấy tờ]";
    public static final String NAME = "[họ tên]";

    // Starts only where a word starts, so a long text is read once rather than once per letter.
    private static final Pattern EMAIL_ADDRESS = Pattern.compile(
            "(?<![\\p{L}\\p{N}._%+-])[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)*\\.\\p{L}{2,}");
    // A Vietnamese mobile or landline: 0, 84 or +84, then 9 or 10 digits, spaces, dots or dashes
    // allowed between them; not part of a longer number.
    private static final Pattern PHONE_NUMBER = Pattern.compile(
            "(?<![\\p{N}\\p{L}])(?:\\(?\\+?84\\)?[\\s.-]?|0)(?:\\d[\\s.-]?){8,9}\\d(?!\\p{N})");
    // CMND (9 digits) and CCCD (12 digits), written without separators.
    private static final Pattern ID_CARD = Pattern.compile("(?<![\\p{N}\\p{L}])(?:\\d{12}|\\d{9})(?![\\p{N}\\p{L}])");
    private static final String TITLE = "(?:(?iu:ông|bà|anh|chị|cô|chú|bác|em|cháu|ong|ba|chi|co|chu|bac|chau)\\s+)?";
    private static final String CAPITALISED = "\\p{Lu}[\\p{L}\\p{M}]*";
    // Introductions, with or without diacritics; the name after them must be capitalised.
    private static final Pattern INTRODUCED_NAME = Pattern.compile(
            "(?iu:(?<![\\p{L}\\p{M}])(?:(?:t[ôo]i|m[ìi]nh|em|ch[áa]u|con)\\s+(?:t[êe]n\\s+)?l[àa]"
                    + "|t[êe]n\\s+(?:t[ôo]i|m[ìi]nh|em|ch[áa]u)(?:\\s+l[àa])?"
                    + "|t[ôo]i\\s+t[êe]n"
                    + "|h[ọo]\\s+(?:v[àa]\\s+)?t[êe]n\\s*:?"
                    + "|ng[ưu][ờo]i\\s+g[ửu]i\\s*:?))"
                    + "(\\s+)" + TITLE + "(" + CAPITALISED + "(?:\\s+" + CAPITALISED + "){0,4})");

    // Longer than any phone number, e-mail address or introduced name the patterns mask.
    private static final int EXCERPT_MARGIN = 200;

    private TextMasking() {
    }

    /**
     * The masked start of a text, at most {@code maxChars} long, cut at a space and ended with "…" when
     * longer. A little more than is shown is masked first, so a phone number or name across the cut
     * is masked whole and never shown in part; and a long text costs no more than a short one.
     */
    public static String excerpt(String text, String contactName, int maxChars) {
        if (text == null || text.length() <= maxChars) {
            return mask(text, contactName);
        }
        String masked = mask(prefix(text, maxChars + EXCERPT_MARGIN), contactName);
        if (masked.length() <= maxChars) {
            return masked + "…";
        }
        String shown = prefix(masked, maxChars);
        int space = shown.lastIndexOf(' ');
        return (space > maxChars - 40 ? shown.substring(0, space) : shown) + "…";
    }

    /** The text with personal data replaced by markers; null stays null. */
    public static String mask(String text) {
        return mask(text, null);
    }

    /** As {@link #mask(String)}, also masking the contact's own name wherever it appears (any case). */
    public static String mask(String text, String contactName) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        // The patterns are written for composed letters, as text is stored (NFC).
        String masked = Normalizer.normalize(text, Normalizer.Form.NFC);
        if (masked.indexOf('@') >= 0) {
            masked = EMAIL_ADDRESS.matcher(masked).replaceAll(EMAIL);
        }
        if (hasDigitRun(masked, 9)) {
            masked = PHONE_NUMBER.matcher(masked).replaceAll(PHONE);
            masked = ID_CARD.matcher(masked).replaceAll(ID_NUMBER);
        }
        masked = introducedNames(masked);
        if (contactName != null && contactName.strip().length() >= 2) {
            masked = Pattern.compile("(?<![\\p{L}\\p{M}])" + Pattern.quote(contactName.strip()) + "(?![\\p{L}\\p{M}])",
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(masked).replaceAll(NAME);
        }
        return masked;
    }

    private static String prefix(String text, int length) {
        if (text.length() <= length) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(length - 1)) ? length - 1 : length;
        return text.substring(0, end);
    }

    /** Whether at least {@code count} digits appear close together (a phone or ID number needs 9). */
    private static boolean hasDigitRun(String text, int count) {
        int digits = 0;
        int gap = 0;
        for (int i = 0; i < text.length(); i++) {
            if (Character.isDigit(text.charAt(i))) {
                digits++;
                gap = 0;
                if (digits >= count) {
                    return true;
                }
            } else if (++gap > 3) {
                // "+84 (0) 912": separators between digits are short; a longer gap starts a new run
                digits = 0;
            }
        }
        return false;
    }

    private static String introducedNames(String text) {
        Matcher matcher = INTRODUCED_NAME.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (matcher.find()) {
            // keep the introduction and any title ("tôi là bà ..."), replace only the name
            String before = text.substring(matcher.start(), matcher.start(2));
            matcher.appendReplacement(out, Matcher.quoteReplacement(before + NAME));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
