package io.langnghe.contracts;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Reads the events' timestamps as they are written ({@code 2026-03-02T01:15:00Z}, with or without a
 * fraction of a second) without the general formatter, which took a sixth of reading a case with its
 * history. Anything else (an offset, a number, a leap second, a bad date) goes to Jackson's own reading,
 * so every value reads as before and every error is the one it was.
 */
final class UtcInstants extends StdScalarDeserializer<Instant> {

    private static final int SECONDS_PER_DAY = 86_400;
    private static final int[] SCALE = {100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1};

    private final JsonDeserializer<Instant> general = InstantDeserializer.INSTANT;

    private UtcInstants() {
        super(Instant.class);
    }

    static SimpleModule module() {
        return new SimpleModule("utc-instants").addDeserializer(Instant.class, new UtcInstants());
    }

    @Override
    public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (p.hasToken(JsonToken.VALUE_STRING)) {
            Instant read = parse(p.getText());
            if (read != null) {
                return read;
            }
        }
        return general.deserialize(p, ctxt);
    }

    /** {@code uuuu-MM-ddTHH:mm:ss[.f…]Z} in UTC, or null for anything else. */
    static Instant parse(String s) {
        int n = s.length();
        if (n < 20 || n == 21 || n > 30 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T'
                || s.charAt(13) != ':' || s.charAt(16) != ':' || s.charAt(n - 1) != 'Z' || (n > 20 && s.charAt(19) != '.')) {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 7);
        int day = digits(s, 8, 10);
        int hour = digits(s, 11, 13);
        int minute = digits(s, 14, 16);
        int second = digits(s, 17, 19);
        int fraction = n > 20 ? digits(s, 20, n - 1) : 0;
        if (year < 0 || month < 0 || day < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59 || fraction < 0) {
            return null;
        }
        try {
            long days = LocalDate.of(year, month, day).toEpochDay();
            int nanos = n > 20 ? fraction * SCALE[n - 22] : 0;
            return Instant.ofEpochSecond(days * SECONDS_PER_DAY + hour * 3600L + minute * 60L + second, nanos);
        } catch (DateTimeException e) {
            return null;
        }
    }

    // the decimal number in s[from, to), or -1 when a character is not a digit
    private static int digits(String s, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            int d = s.charAt(i) - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            value = value * 10 + d;
        }
        return value;
    }
}
