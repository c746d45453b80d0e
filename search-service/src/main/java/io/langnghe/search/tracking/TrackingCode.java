package io.langnghe.search.tracking;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The resident's tracking code as search-service keeps it: upper case, no dashes or spaces, so
 * "k7mx-q2pa-9c", "K7MX Q2PA 9C" and "K7MXQ2PA9C" find the same case. ingest-service makes the codes.
 */
public final class TrackingCode {

    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-]+");
    private static final int LENGTH = 10;

    private TrackingCode() {
    }

    public static String normalise(String typed) {
        return typed == null ? null : SEPARATORS.matcher(typed).replaceAll("").toUpperCase(Locale.ROOT);
    }

    /** Grouped for reading aloud, {@code K7MX-Q2PA-9C}; any other length is shown as stored. */
    public static String display(String code) {
        String compact = normalise(code);
        if (compact == null || compact.length() != LENGTH) {
            return compact;
        }
        return compact.substring(0, 4) + "-" + compact.substring(4, 8) + "-" + compact.substring(8);
    }
}
