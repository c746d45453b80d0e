package io.langnghe.ingest.contact;

import io.langnghe.contracts.Contact;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The resident's own phone and name, where their petition's words repeat them, replaced by the masked
 * phone and "[họ tên]" before the text reaches Kafka: the text is kept as long as the case, the contact only
 * as long as the law allows, so the text must not carry the contact past its erasure. Other people's numbers
 * and names in the text are the public pages' masking to hide.
 */
public final class OwnContactInText {

    static final String NAME_MASK = "[họ tên]";
    static final String PHONE_MASK = "[số điện thoại]";
    // runs of digits however spaced, dotted or dashed, as a phone is written ("0912 345 678", "+84.912.345.678")
    private static final Pattern DIGIT_RUN = Pattern.compile("\\+?\\d(?:[\\s.\\-]?\\d){8,12}");
    private static final int SHORTEST_NAME = 2;

    private OwnContactInText() {
    }

    public static String mask(String text, Contact contact) {
        if (text == null || contact == null) {
            return text;
        }
        String masked = text;
        if (contact.phone() != null) {
            masked = maskPhone(masked, contact.phone(), contact.phoneMasked());
        }
        String name = contact.name() == null ? "" : contact.name().strip();
        if (name.length() >= SHORTEST_NAME) {
            masked = Pattern.compile("(?<![\\p{L}\\p{M}])" + Pattern.quote(name) + "(?![\\p{L}\\p{M}])",
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(masked).replaceAll(Matcher.quoteReplacement(NAME_MASK));
        }
        return masked;
    }

    private static String maskPhone(String text, String e164, String phoneMasked) {
        String national = "0" + e164.substring(3);
        Matcher run = DIGIT_RUN.matcher(text);
        StringBuilder out = new StringBuilder();
        while (run.find()) {
            String digits = run.group().replaceAll("\\D", "");
            String asNational = digits.startsWith("84") ? "0" + digits.substring(2) : digits;
            boolean own = asNational.equals(national);
            run.appendReplacement(out, Matcher.quoteReplacement(own ? (phoneMasked == null ? PHONE_MASK : phoneMasked) : run.group()));
        }
        run.appendTail(out);
        return out.toString();
    }
}
