package io.langnghe.ingest.contact;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Vietnamese phone number in E.164 ({@code +84...}). Accepts what residents write: 0912 345 678,
 * 0912.345.678, +84 912 345 678, 84912345678 (also with dashes or brackets). Mobiles are nine digits
 * after the country code starting 3, 5, 7, 8 or 9; landlines ten digits starting 2 (area code 2xx).
 * Service numbers (1800, 1900) and anything else are refused.
 */
public record VietnamesePhone(String e164) {

    private static final Pattern SEPARATORS = Pattern.compile("[\\s.\\-()]");
    private static final Pattern NATIONAL = Pattern.compile("[35789]\\d{8}|2\\d{9}");

    public VietnamesePhone {
        if (e164 == null || !e164.startsWith("+84") || !NATIONAL.matcher(e164.substring(3)).matches()) {
            throw new IllegalArgumentException("not a Vietnamese number in E.164: " + e164);
        }
    }

    /** The number as typed, normalised; empty when it is not a Vietnamese mobile or landline number. */
    public static Optional<VietnamesePhone> parse(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String digits = SEPARATORS.matcher(typed.strip()).replaceAll("");
        String national;
        if (digits.startsWith("+84")) {
            national = digits.substring(3);
        } else if (digits.startsWith("84") && digits.length() >= 11) {
            national = digits.substring(2);
        } else if (digits.startsWith("0")) {
            national = digits.substring(1);
        } else {
            return Optional.empty();
        }
        // "+84 (0)912..." is a common way of writing it: the trunk 0 does not belong after +84.
        if (national.startsWith("0") && !digits.startsWith("0")) {
            national = national.substring(1);
        }
        if (!NATIONAL.matcher(national).matches()) {
            return Optional.empty();
        }
        return Optional.of(new VietnamesePhone("+84" + national));
    }

    /** What leaders and public pages may see: the first two and last two digits, e.g. "+84 90x xxx x67". */
    public String masked() {
        String national = e164.substring(3);
        StringBuilder hidden = new StringBuilder(national.length());
        for (int i = 0; i < national.length(); i++) {
            boolean shown = i < 2 || i >= national.length() - 2;
            hidden.append(shown ? national.charAt(i) : 'x');
        }
        return "+84 " + hidden.substring(0, 3) + " " + hidden.substring(3, 6) + " " + hidden.substring(6);
    }

    public boolean isMobile() {
        return e164.length() == 12;
    }
}
