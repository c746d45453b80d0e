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
 * <p>Numbers are read whatever digits they are typed with (full-width ０９１２ from a phone's
 * keyboard, other scripts' digits) and however spaced, dashed or bracketed ("(0237) 3852 123",
 * "0 9 1 2 3 4 5 6 7 8"); the same mask is used on every public surface: the tracking page, the
 * public list, Open311, the answers page and the look-alike cases.
 *
 * <p>Limits, by design on the safe side or simply beyond a pattern's reach:
 * <ul>
 *   <li>a name is recognised only after an introduction: capitalised ("Tôi là Lan"), or in lower
 *       case when it starts with a common Vietnamese family name ("tôi là nguyễn văn an"); a name
 *       that is not introduced ("ông Bình tổ 5") stays as written;</li>
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
    // A Vietnamese mobile or landline: 0, 84 or +84, then 9 or 10 digits, up to three spaces, dots,
    // dashes or a bracket between them; not part of a longer number. Read on digit-folded text.
    private static final Pattern PHONE_NUMBER = Pattern.compile(
            "(?<![\\p{N}\\p{L}])(?:\\(?\\+?\\s?84\\)?[\\s.-]{0,3}(?:\\(0\\)[\\s.-]{0,3})?|\\(?0\\)?[\\s.-]{0,3})(?:\\d\\)?[\\s.-]{0,3}){8,9}\\d(?!\\p{N})");
    // CMND (9 digits) and CCCD (12 digits, bare or in four groups of three); not part of an amount (1.500.000.000).
    private static final Pattern ID_CARD = Pattern.compile(
            "(?<![\\p{N}\\p{L}.,])(?:\\d{12}|\\d{9}|\\d{3}(?:[\\s.-]\\d{3}){3})(?![\\p{N}\\p{L}]|[.,]\\d)");
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
    // The commonest family names, with and without diacritics: a lower-case name after an
    // introduction is recognised by its first word ("tôi là nguyễn văn an").
    private static final String FAMILY_NAME = "(?:nguyễn|trần|lê|phạm|hoàng|huỳnh|phan|vũ|võ|đặng|bùi|đỗ|hồ|ngô|dương|lý"
            + "|đào|đoàn|vương|trịnh|trương|lâm|lương|đinh|quách|lưu|kiều|triệu|tạ|nguyen|tran|pham|hoang|huynh|dang|bui"
            + "|duong|dao|doan|vuong|trinh|truong|luong|dinh|quach|luu|kieu|trieu)";
    // Words that end a name: where the writer goes on about where they live or what happened.
    private static final String AFTER_NAME = "(?:ở|o|tại|tai|nhà|nha|sống|song|số|so|tổ|to|đang|dang|đã|da|bị|bi|có|co"
            + "|là|la|và|va|xin|muốn|muon|thôn|thon|ngõ|ngo|phố|pho|khu|đường|duong|rồi|roi|cũng|cung|hiện|hien)";
    private static final Pattern INTRODUCED_LOWER_CASE_NAME = Pattern.compile(
            "(?iu:(?<![\\p{L}\\p{M}])(?:(?:t[ôo]i|m[ìi]nh|em|ch[áa]u|con)\\s+(?:t[êe]n\\s+)?l[àa]"
                    + "|t[êe]n\\s+(?:t[ôo]i|m[ìi]nh|em|ch[áa]u)(?:\\s+l[àa])?"
                    + "|t[ôo]i\\s+t[êe]n"
                    + "|h[ọo]\\s+(?:v[àa]\\s+)?t[êe]n\\s*:?"
                    + "|ng[ưu][ờo]i\\s+g[ửu]i\\s*:?)"
                    + "(\\s+)" + TITLE + "(" + FAMILY_NAME + "(?:\\s+(?!" + AFTER_NAME + "(?![\\p{L}\\p{M}]))[\\p{L}\\p{M}]+){1,3})"
                    + "(?![\\p{L}\\p{M}]))");

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
        if (masked.indexOf('@') >= 0 || masked.indexOf('＠') >= 0) {
            masked = replaceOnFolded(masked, EMAIL_ADDRESS, EMAIL);
        }
        if (hasDigitRun(masked, 9)) {
            masked = replaceOnFolded(masked, PHONE_NUMBER, PHONE);
            masked = replaceOnFolded(masked, ID_CARD, ID_NUMBER);
        }
        masked = introducedNames(masked, INTRODUCED_NAME);
        masked = introducedNames(masked, INTRODUCED_LOWER_CASE_NAME);
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

    /**
     * Replaces what the pattern finds in the text with its digits and full-width forms folded to
     * ASCII ({@link #foldDigits}), so "０９１２ ３４５ ６７８" is a phone number as "0912 345 678" is;
     * the folded copy has the same length, so what is kept is kept exactly as written.
     */
    private static String replaceOnFolded(String text, Pattern pattern, String marker) {
        Matcher matcher = pattern.matcher(foldDigits(text));
        StringBuilder out = null;
        int kept = 0;
        while (matcher.find()) {
            if (out == null) {
                out = new StringBuilder(text.length());
            }
            out.append(text, kept, matcher.start()).append(marker);
            kept = matcher.end();
        }
        return out == null ? text : out.append(text, kept, text.length()).toString();
    }

    /** Every decimal digit to 0-9, full-width signs and letters to ASCII, odd dashes and spaces to plain ones; one char for one. */
    static String foldDigits(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            if (c >= '\uFF01' && c <= '\uFF5E') {
                chars[i] = (char) (c - 0xFEE0);
            } else if (c == '\u3000' || c == '\u00A0' || c == '\u202F' || c == '\u2007') {
                chars[i] = ' ';
            } else if ((c >= '\u2010' && c <= '\u2015') || c == '\u2212') {
                chars[i] = '-';
            } else if (c > 0x7F && Character.isDigit(c)) {
                chars[i] = (char) ('0' + Character.digit(c, 10));
            }
        }
        return new String(chars);
    }

    private static String introducedNames(String text, Pattern introduction) {
        Matcher matcher = introduction.matcher(text);
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
