package io.langnghe.ingest.text;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Vietnamese typed with the pre-Unicode fonts still found in old Excel files, turned into Unicode
 * NFC. Such text reaches us as Latin-1 letters that only the old font drew as Vietnamese:
 * <ul>
 *   <li>TCVN3 (ABC, fonts .VnTime...): one Latin-1 character per Vietnamese letter,
 *       "Céng tho¸t n­íc" = "Cống thoát nước";</li>
 *   <li>VNI Windows (fonts VNI-Times...): an ASCII vowel followed by a mark character,
 *       "Coáng thoaùt nöôùc" = "Cống thoát nước".</li>
 * </ul>
 * Text holding any letter only Unicode Vietnamese has (ă, ơ, ư, đ, ạ...ỹ, combining marks) is left
 * alone. Otherwise the encoding whose tell-tale characters appear more often wins: at least two
 * are needed (one TCVN3 character in a text of three words or fewer), and VNI needs one mark that
 * Unicode Vietnamese never uses (ø û ï ö ñ...), so that "hoà", "café ©" or "año" stay as they are.
 */
public final class LegacyVietnamese {

    public enum Encoding { UNICODE, TCVN3, VNI }

    /** Letters only Unicode Vietnamese has (besides the ranges of precomposed letters and combining marks below). */
    private static final String UNICODE_ONLY_LETTERS = "ăĂđĐĩĨũŨơƠưƯ";

    /** TCVN3 → Unicode, lower-case letters and the seven capitals with their own codes. */
    private static final Map<Character, String> TCVN3 = new HashMap<>();
    /** Characters TCVN3 text is full of and VNI or Unicode text never has. */
    private static final Set<Character> TCVN3_TELLS = Set.of(
            'µ', '¸', '¶', '·', '¹', '¨', '»', '¾', '¼', '½', '©', '®', 'ª', '×', 'Þ', 'ß', '¬', '«', '\u00AD',
            '¡', '¢', '§', '£', '¤', '¥', '¦', 'Ç', 'Ð', 'ç', '÷', 'þ');

    static {
        String from = "µ¸¶·¹" + "¨»¾¼½Æ" + "©ÇÊÈÉË" + "®" + "ÌÐÎÏÑ" + "ªÒÕÓÔÖ" + "×ÝØÜÞ" + "ßãáâä" + "«åèæçé"
                + "¬êíëìî" + "ïóñòô" + "\u00ADõøö÷ù" + "úýûüþ" + "¡¢§£¤¥¦";
        String to = "àáảãạ" + "ăằắẳẵặ" + "âầấẩẫậ" + "đ" + "èéẻẽẹ" + "êềếểễệ" + "ìíỉĩị" + "òóỏõọ" + "ôồốổỗộ"
                + "ơờớởỡợ" + "ùúủũụ" + "ưừứửữự" + "ỳýỷỹỵ" + "ĂÂĐÊÔƠƯ";
        if (from.length() != to.length()) {
            throw new IllegalStateException("TCVN3 table is uneven");
        }
        for (int i = 0; i < from.length(); i++) {
            TCVN3.put(from.charAt(i), String.valueOf(to.charAt(i)));
        }
    }

    /** VNI marks after a vowel, as Unicode combining marks (tone; circumflex ± tone; breve ± tone). */
    private static final Map<Character, String> VNI_TONES = marks("ùøûõï", "ÙØÛÕÏ", "", "\u0301\u0300\u0309\u0303\u0323");
    private static final Map<Character, String> VNI_CIRCUMFLEX = marks("âáàåãä", "ÂÁÀÅÃÄ", "\u0302", "\u0000\u0301\u0300\u0309\u0303\u0323");
    private static final Map<Character, String> VNI_BREVE = marks("êéèúüë", "ÊÉÈÚÜË", "\u0306", "\u0000\u0301\u0300\u0309\u0303\u0323");
    /** TCVN3 characters that other text has too (©, ®, ß, ç, «): alone, they prove nothing. */
    private static final String TCVN3_WEAK = "©®ßç«";
    /** VNI marks that no Unicode Vietnamese text contains. */
    private static final String VNI_ONLY = "øûïåäëüæñöîØÛÏÅÄËÜÆÑÖÎ";
    /** VNI letters that stand alone: ơ, ư, đ, the i's and ỵ. */
    private static final Map<Character, String> VNI_LETTERS = Map.ofEntries(
            Map.entry('ô', "ơ"), Map.entry('Ô', "Ơ"), Map.entry('ö', "ư"), Map.entry('Ö', "Ư"),
            Map.entry('ñ', "đ"), Map.entry('Ñ', "Đ"), Map.entry('î', "ỵ"), Map.entry('Î', "Ỵ"),
            Map.entry('í', "í"), Map.entry('Í', "Í"), Map.entry('ì', "ì"), Map.entry('Ì', "Ì"),
            Map.entry('æ', "ỉ"), Map.entry('Æ', "Ỉ"), Map.entry('ó', "ĩ"), Map.entry('Ó', "Ĩ"),
            Map.entry('ò', "ị"), Map.entry('Ò', "Ị"));

    private LegacyVietnamese() {
    }

    /** The text in Unicode NFC: converted when it is TCVN3 or VNI, otherwise only composed. */
    public static String toUnicode(String text) {
        if (text == null) {
            return null;
        }
        return switch (detect(text)) {
            case TCVN3 -> Normalizer.normalize(fromTcvn3(text), Normalizer.Form.NFC);
            case VNI -> Normalizer.normalize(fromVni(text), Normalizer.Form.NFC);
            case UNICODE -> Normalizer.normalize(text, Normalizer.Form.NFC);
        };
    }

    public static Encoding detect(String text) {
        if (hasUnicodeOnlyLetter(text)) {
            return Encoding.UNICODE;
        }
        int tcvn3 = 0;
        int tcvn3Strong = 0;
        int vni = 0;
        boolean vniOnly = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (TCVN3_TELLS.contains(c)) {
                tcvn3++;
                tcvn3Strong += TCVN3_WEAK.indexOf(c) < 0 ? 1 : 0;
            }
            vniOnly |= VNI_ONLY.indexOf(c) >= 0;
            if (c == 'ñ' || c == 'Ñ' || c == 'ö' || c == 'Ö') {
                vni++;
            } else if (i > 0 && "aeouyAEOUY".indexOf(text.charAt(i - 1)) >= 0 && markAfter(text.charAt(i - 1), c) != null) {
                vni++;
            }
        }
        boolean isTcvn3 = tcvn3 >= 2 || (tcvn3Strong == 1 && text.strip().split("\\s+").length <= 3);
        boolean isVni = vni >= 2 && vniOnly;
        if (isTcvn3 && isVni) {
            return tcvn3 >= vni ? Encoding.TCVN3 : Encoding.VNI;
        }
        return isTcvn3 ? Encoding.TCVN3 : isVni ? Encoding.VNI : Encoding.UNICODE;
    }

    /** Whether the text holds a letter or mark that only Unicode Vietnamese has: then it is no old font's. */
    public static boolean hasUnicodeOnlyLetter(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c >= '\u1EA0' && c <= '\u1EF9') || (c >= '\u0300' && c <= '\u0323') || UNICODE_ONLY_LETTERS.indexOf(c) >= 0) {
                return true;
            }
        }
        return false;
    }

    static String fromTcvn3(String text) {
        StringBuilder unicode = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            unicode.append(TCVN3.getOrDefault(c, String.valueOf(c)));
        }
        return unicode.toString();
    }

    static String fromVni(String text) {
        StringBuilder unicode = new StringBuilder(text.length() + 8);
        char base = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String mark = base == 0 ? null : markAfter(base, c);
            if (mark != null) {
                unicode.append(mark);
                // one circumflex or breve per vowel, but ơ/ư and plain vowels may still take a tone
                base = VNI_TONES.containsKey(c) ? 0 : base;
                continue;
            }
            String letter = VNI_LETTERS.get(c);
            unicode.append(letter != null ? letter : String.valueOf(c));
            base = letter != null && (c == 'ô' || c == 'Ô' || c == 'ö' || c == 'Ö') ? 'o' : Character.isLetter(c) && letter == null ? c : 0;
        }
        return unicode.toString();
    }

    /** The combining marks a VNI mark character adds to the vowel before it, or null when it is no mark there. */
    private static String markAfter(char vowel, char mark) {
        char v = Character.toLowerCase(vowel);
        if ("aeouy".indexOf(v) >= 0 && VNI_TONES.containsKey(mark)) {
            return VNI_TONES.get(mark);
        }
        if ("aeo".indexOf(v) >= 0 && VNI_CIRCUMFLEX.containsKey(mark)) {
            return VNI_CIRCUMFLEX.get(mark);
        }
        if (v == 'a' && VNI_BREVE.containsKey(mark)) {
            return VNI_BREVE.get(mark);
        }
        return null;
    }

    private static Map<Character, String> marks(String lower, String upper, String modifier, String tones) {
        Map<Character, String> marks = new HashMap<>();
        for (int i = 0; i < lower.length(); i++) {
            String tone = tones.charAt(i) == 0 ? "" : String.valueOf(tones.charAt(i));
            marks.put(lower.charAt(i), modifier + tone);
            marks.put(upper.charAt(i), modifier + tone);
        }
        return Map.copyOf(marks);
    }
}
