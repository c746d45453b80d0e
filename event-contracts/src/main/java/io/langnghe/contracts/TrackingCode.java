package io.langnghe.contracts;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * The code a resident gets for a petition, e.g. {@code K7MX-Q2PA-9C}: nine random symbols (45 bits,
 * from {@link SecureRandom}, so codes cannot be guessed) and one check symbol. The alphabet has no
 * 0/O or 1/I, so it reads out unambiguously over the phone.
 *
 * <p>The check symbol is Damm's algorithm over GF(32) (x∘y = 2x + y), not Luhn mod N: Luhn mod 32
 * misses the transposition of the first and last symbols of the alphabet ("2Z" ↔ "Z2"), while Damm
 * catches every single substitution and every adjacent transposition, check symbol included.
 * ingest-service makes the codes; every service reads them the same way.
 */
public record TrackingCode(String value) {

    public static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    static final int RANDOM_SYMBOLS = 9;
    static final int LENGTH = RANDOM_SYMBOLS + 1;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-]+");

    public TrackingCode {
        if (value == null || value.length() != LENGTH || !value.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)
                || checksum(value) != 0) {
            throw new IllegalArgumentException("not a tracking code: " + value);
        }
    }

    public static TrackingCode generate() {
        return generate(RANDOM);
    }

    public static TrackingCode generate(RandomGenerator random) {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < RANDOM_SYMBOLS; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        // The check symbol c makes interim∘c = 0, i.e. 2·interim + c = 0, so c = 2·interim in GF(32).
        code.append(ALPHABET.charAt(times2(checksum(code))));
        return new TrackingCode(code.toString());
    }

    /**
     * The code for a petition that already has a stable identity (a meeting row, an SMS): taken from
     * a keyed hash of that identity, so a resend gets the same code even after a restart, and without
     * the key nobody can work it out. Needs at least 6 bytes (45 bits are used).
     */
    public static TrackingCode derive(byte[] keyedHash) {
        if (keyedHash.length < 6) {
            throw new IllegalArgumentException("need at least 6 bytes, got " + keyedHash.length);
        }
        long bits = 0;
        for (int i = 0; i < 6; i++) {
            bits = (bits << 8) | (keyedHash[i] & 0xFF);
        }
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < RANDOM_SYMBOLS; i++) {
            code.append(ALPHABET.charAt((int) ((bits >>> (5 * i)) & 0x1F)));
        }
        code.append(ALPHABET.charAt(times2(checksum(code))));
        return new TrackingCode(code.toString());
    }

    /** Reads a code as people type it: any case, with or without dashes and spaces. Empty if mistyped. */
    public static Optional<TrackingCode> parse(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String compact = normalise(typed);
        if (compact.length() != LENGTH || !compact.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)
                || checksum(compact) != 0) {
            return Optional.empty();
        }
        return Optional.of(new TrackingCode(compact));
    }

    /**
     * The form codes are stored and looked up in: upper case, no dashes or spaces, so "k7mx-q2pa-9c",
     * "K7MX Q2PA 9C" and "K7MXQ2PA9C" find the same case. Not checked: a mistyped code simply finds nothing.
     */
    public static String normalise(String typed) {
        return typed == null ? null : SEPARATORS.matcher(typed).replaceAll("").toUpperCase(Locale.ROOT);
    }

    /** A stored code grouped for reading aloud, {@code K7MX-Q2PA-9C}; any other length is shown as stored. */
    public static String display(String code) {
        String compact = normalise(code);
        return compact == null || compact.length() != LENGTH ? compact : grouped(compact);
    }

    /** Grouped for reading aloud: {@code K7MX-Q2PA-9C}. */
    public String display() {
        return grouped(value);
    }

    private static String grouped(String code) {
        return code.substring(0, 4) + "-" + code.substring(4, 8) + "-" + code.substring(8);
    }

    @Override
    public String toString() {
        return display();
    }

    /** Damm's interim value over the symbols; 0 for a complete, correct code. */
    static int checksum(CharSequence symbols) {
        int interim = 0;
        for (int i = 0; i < symbols.length(); i++) {
            interim = times2(interim) ^ ALPHABET.indexOf(symbols.charAt(i));
        }
        return interim;
    }

    /** Multiplication by x in GF(2^5) modulo x^5 + x^2 + 1. */
    private static int times2(int element) {
        int shifted = element << 1;
        return (shifted & 0x20) != 0 ? (shifted ^ 0x25) : shifted;
    }
}
