package io.langnghe.photos;

/**
 * A photo's width and height as its header states them, read before anything decodes its pixels:
 * a 5 MB file may claim 100,000 × 100,000 pixels (a decompression bomb) and take gigabytes to draw
 * in an officer's browser. JPEG: the first start-of-frame segment; PNG: IHDR; WebP: VP8, VP8L or VP8X.
 */
public record PhotoDimensions(long width, long height) {

    /** The most pixels a photo may have: 40 megapixels, more than any phone camera's photo. */
    public static final long MAX_PIXELS = 40_000_000L;

    public long pixels() {
        return width * height;
    }

    /** @throws IllegalArgumentException when the header cannot be read */
    public static PhotoDimensions of(PhotoKind kind, byte[] b) {
        return switch (kind) {
            case JPEG -> jpeg(b);
            case PNG -> new PhotoDimensions(u32be(b, 16), u32be(b, 20));
            case WEBP -> webp(b);
        };
    }

    private static PhotoDimensions jpeg(byte[] b) {
        int pos = 2;
        while (pos + 9 < b.length) {
            require((b[pos] & 0xFF) == 0xFF, "JPEG marker expected");
            int marker = b[pos + 1] & 0xFF;
            if (marker == 0xFF || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                pos += marker == 0xFF ? 1 : 2;
                continue;
            }
            // SOF0..SOF15 but DHT (C4), JPG (C8) and DAC (CC), which share the range
            if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
                return new PhotoDimensions(u16be(b, pos + 7), u16be(b, pos + 5));
            }
            require(marker != 0xDA && marker != 0xD9, "JPEG without a frame header");
            pos += 2 + u16be(b, pos + 2);
        }
        throw new IllegalArgumentException("JPEG without a frame header");
    }

    private static PhotoDimensions webp(byte[] b) {
        require(b.length >= 30, "WebP too short");
        String chunk = new String(b, 12, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
        return switch (chunk) {
            case "VP8 " -> new PhotoDimensions(u16le(b, 26) & 0x3FFF, u16le(b, 28) & 0x3FFF);
            case "VP8L" -> {
                long bits = (b[21] & 0xFFL) | (b[22] & 0xFFL) << 8 | (b[23] & 0xFFL) << 16 | (b[24] & 0xFFL) << 24;
                yield new PhotoDimensions((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1);
            }
            case "VP8X" -> new PhotoDimensions(u24le(b, 24) + 1, u24le(b, 27) + 1);
            default -> throw new IllegalArgumentException("WebP without an image chunk first");
        };
    }

    private static long u32be(byte[] b, int at) {
        require(at + 4 <= b.length, "header cut short");
        return (b[at] & 0xFFL) << 24 | (b[at + 1] & 0xFFL) << 16 | (b[at + 2] & 0xFFL) << 8 | (b[at + 3] & 0xFFL);
    }

    private static int u16be(byte[] b, int at) {
        require(at + 2 <= b.length, "header cut short");
        return (b[at] & 0xFF) << 8 | (b[at + 1] & 0xFF);
    }

    private static int u16le(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }

    private static long u24le(byte[] b, int at) {
        return (b[at] & 0xFFL) | (b[at + 1] & 0xFFL) << 8 | (b[at + 2] & 0xFFL) << 16;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
