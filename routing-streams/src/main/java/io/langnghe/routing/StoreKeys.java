package io.langnghe.routing;

/**
 * Numbers inside the early warning's store keys (and the case keeper's deadline keys), zero-padded so that a
 * range of keys is a range of time. Every report builds several such keys (and the hourly sweep thousands);
 * {@code String.format} parsed its pattern each time.
 */
public final class StoreKeys {

    private StoreKeys() {
    }

    /** As {@code String.format("%0<width>d", value)}: the same keys the stores already hold. */
    public static String zeroPadded(long value, int width) {
        if (value < 0) {
            return String.format("%0" + width + "d", value);
        }
        String digits = Long.toString(value);
        return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
    }
}
