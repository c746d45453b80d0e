package io.langnghe.photos;

import java.util.Arrays;

/**
 * Empties the GPS directory of an EXIF (TIFF) block in place: its entries and the values they point
 * to are zeroed and its entry count set to 0, so the block keeps its length and every other tag
 * (orientation, date) stays readable. A block too broken to walk is zeroed whole: when in doubt,
 * the location goes.
 */
final class ExifGps {

    private static final int GPS_IFD_POINTER = 0x8825;
    private static final int[] TYPE_SIZES = {0, 1, 1, 2, 4, 8, 1, 1, 2, 4, 8, 4, 8};

    private ExifGps() {
    }

    /** @return true when the block had a GPS directory (or was zeroed) */
    static boolean scrub(byte[] buf, int start, int length) {
        try {
            return scrubOrFail(buf, start, length);
        } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
            Arrays.fill(buf, start, Math.min(buf.length, start + length), (byte) 0);
            return true;
        }
    }

    /**
     * Where the photo was taken by its GPS directory (latitude and longitude with their N/S, E/W
     * references), or empty when it has none or it cannot be read.
     */
    static java.util.Optional<GeoPoint> read(byte[] buf, int start, int length) {
        try {
            Tiff tiff = new Tiff(buf, start, length);
            int ifd0 = tiff.u32(4);
            for (int i = 0; i < tiff.u16(ifd0); i++) {
                int entry = ifd0 + 2 + 12 * i;
                if (tiff.u16(entry) == GPS_IFD_POINTER) {
                    return coordinates(tiff, tiff.u32(entry + 8));
                }
            }
            return java.util.Optional.empty();
        } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    private static java.util.Optional<GeoPoint> coordinates(Tiff tiff, int ifd) {
        Double latitude = null;
        Double longitude = null;
        char latitudeRef = 'N';
        char longitudeRef = 'E';
        for (int i = 0; i < tiff.u16(ifd); i++) {
            int entry = ifd + 2 + 12 * i;
            switch (tiff.u16(entry)) {
                case 1 -> latitudeRef = (char) tiff.u8(entry + 8);
                case 2 -> latitude = degrees(tiff, tiff.u32(entry + 8));
                case 3 -> longitudeRef = (char) tiff.u8(entry + 8);
                case 4 -> longitude = degrees(tiff, tiff.u32(entry + 8));
                default -> {
                }
            }
        }
        if (latitude == null || longitude == null) {
            return java.util.Optional.empty();
        }
        return GeoPoint.of(latitudeRef == 'S' ? -latitude : latitude, longitudeRef == 'W' ? -longitude : longitude);
    }

    /** Degrees, minutes and seconds as three unsigned rationals. */
    private static double degrees(Tiff tiff, int offset) {
        double value = 0;
        double unit = 1;
        for (int i = 0; i < 3; i++) {
            long numerator = Integer.toUnsignedLong(tiff.s32(offset + 8 * i));
            long denominator = Integer.toUnsignedLong(tiff.s32(offset + 8 * i + 4));
            if (denominator == 0) {
                throw new IllegalArgumentException("a GPS rational with denominator 0");
            }
            value += (double) numerator / denominator / unit;
            unit *= 60;
        }
        return value;
    }

    private static boolean scrubOrFail(byte[] buf, int start, int length) {
        Tiff tiff = new Tiff(buf, start, length);
        int ifd0 = tiff.u32(4);
        int entries = tiff.u16(ifd0);
        for (int i = 0; i < entries; i++) {
            int entry = ifd0 + 2 + 12 * i;
            if (tiff.u16(entry) == GPS_IFD_POINTER) {
                emptyDirectory(tiff, tiff.u32(entry + 8));
                return true;
            }
        }
        return false;
    }

    private static void emptyDirectory(Tiff tiff, int ifd) {
        int entries = tiff.u16(ifd);
        for (int i = 0; i < entries; i++) {
            int entry = ifd + 2 + 12 * i;
            int type = tiff.u16(entry + 2);
            long size = (long) tiff.u32(entry + 4) * (type < TYPE_SIZES.length ? TYPE_SIZES[type] : 1);
            if (size > 4) {
                tiff.zero(tiff.u32(entry + 8), (int) Math.min(size, Integer.MAX_VALUE));
            }
            tiff.zero(entry, 12);
        }
        tiff.zero(ifd, 2);
    }

    /** A TIFF block inside a larger buffer, read in its own byte order, every access bounds-checked. */
    private record Tiff(byte[] buf, int start, int length, boolean littleEndian) {

        Tiff(byte[] buf, int start, int length) {
            this(buf, start, length, order(buf, start, length));
        }

        private static boolean order(byte[] buf, int start, int length) {
            if (length < 8 || start + length > buf.length) {
                throw new IllegalArgumentException("too short for TIFF");
            }
            if (buf[start] == 'I' && buf[start + 1] == 'I') {
                return true;
            }
            if (buf[start] == 'M' && buf[start + 1] == 'M') {
                return false;
            }
            throw new IllegalArgumentException("no TIFF byte order mark");
        }

        int u16(int offset) {
            check(offset, 2);
            int a = buf[start + offset] & 0xFF;
            int b = buf[start + offset + 1] & 0xFF;
            return littleEndian ? (b << 8) | a : (a << 8) | b;
        }

        int u32(int offset) {
            check(offset, 4);
            int value = 0;
            for (int i = 0; i < 4; i++) {
                int b = buf[start + offset + (littleEndian ? 3 - i : i)] & 0xFF;
                value = (value << 8) | b;
            }
            if (value < 0) {
                throw new IllegalArgumentException("offset out of range");
            }
            return value;
        }

        int u8(int offset) {
            check(offset, 1);
            return buf[start + offset] & 0xFF;
        }

        /** Four bytes as they are, for rationals (u32 refuses what is not an offset). */
        int s32(int offset) {
            check(offset, 4);
            int value = 0;
            for (int i = 0; i < 4; i++) {
                value = (value << 8) | (buf[start + offset + (littleEndian ? 3 - i : i)] & 0xFF);
            }
            return value;
        }

        void zero(int offset, int size) {
            check(offset, size);
            Arrays.fill(buf, start + offset, start + offset + size, (byte) 0);
        }

        private void check(int offset, int size) {
            if (offset < 0 || size < 0 || (long) offset + size > length) {
                throw new IndexOutOfBoundsException("outside the TIFF block");
            }
        }
    }
}
