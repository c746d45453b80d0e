package io.langnghe.photos;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * Takes the location out of every photo, whatever the resident chose (a shared location travels as a
 * field, read here before it goes, never in the file a browser downloads): the GPS directory of
 * its EXIF block is emptied (the rest of EXIF, orientation included, stays) and XMP, which may
 * repeat the coordinates, is dropped, and so is whatever a camera appends after a JPEG's end (MPF
 * pictures, trailers, each with its own EXIF). JPEG, PNG and WebP, walked by their own structure; pixels are
 * never decoded or re-encoded.
 */
public final class PhotoPrivacy {

    private static final byte[] EXIF_HEADER = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] XMP_JPEG = "http://ns.adobe.com/xap/1.0/\0".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] XMP_PNG = "XML:com.adobe.xmp\0".getBytes(StandardCharsets.ISO_8859_1);
    private static final int VP8X_XMP_FLAG = 0x04;
    private static final byte[] MPF = "MPF\0".getBytes(StandardCharsets.ISO_8859_1);

    private PhotoPrivacy() {
    }

    /** A copy of the photo without its location. @throws IllegalArgumentException when its structure is broken */
    public static byte[] withoutLocation(PhotoKind kind, byte[] photo) {
        return stripped(kind, photo).bytes();
    }

    /** The photo without its location, and that location as read before it was taken out. */
    public record Stripped(byte[] bytes, Optional<GeoPoint> location) {
    }

    /** @throws IllegalArgumentException when its structure is broken */
    public static Stripped stripped(PhotoKind kind, byte[] photo) {
        byte[] copy = photo.clone();
        List<GeoPoint> found = new ArrayList<>();
        byte[] bytes = switch (kind) {
            case JPEG -> jpeg(copy, found);
            case PNG -> png(copy, found);
            case WEBP -> webp(copy, found);
        };
        return new Stripped(bytes, found.stream().findFirst());
    }

    /** Reads the location of an EXIF block, then empties its GPS directory. */
    private static void scrub(byte[] buf, int start, int length, List<GeoPoint> found) {
        ExifGps.read(buf, start, length).ifPresent(found::add);
        ExifGps.scrub(buf, start, length);
    }

    private static byte[] jpeg(byte[] buf, List<GeoPoint> found) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(buf.length);
        out.write(buf, 0, 2);
        int pos = 2;
        while (pos + 4 <= buf.length) {
            require((buf[pos] & 0xFF) == 0xFF, "JPEG marker expected");
            int marker = buf[pos + 1] & 0xFF;
            if (marker == 0xDA || marker == 0xD9) {
                break;  // start of scan: image data follows, no more metadata segments
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7) || marker == 0xFF) {
                out.write(buf, pos, marker == 0xFF ? 1 : 2);
                pos += marker == 0xFF ? 1 : 2;
                continue;
            }
            int length = ((buf[pos + 2] & 0xFF) << 8) | (buf[pos + 3] & 0xFF);
            int end = pos + 2 + length;
            require(length >= 2 && end <= buf.length, "JPEG segment runs past the end");
            int data = pos + 4;
            // XMP may repeat the coordinates; MPF points at the pictures after the end, dropped below
            if ((marker == 0xE1 && startsWith(buf, data, end, XMP_JPEG)) || (marker == 0xE2 && startsWith(buf, data, end, MPF))) {
                pos = end;
                continue;
            }
            if (marker == 0xE1 && startsWith(buf, data, end, EXIF_HEADER)) {
                scrub(buf, data + EXIF_HEADER.length, end - data - EXIF_HEADER.length, found);
            }
            out.write(buf, pos, end - pos);
            pos = end;
        }
        // The image data ends at the first EOI (inside it an 0xFF is always followed by 0x00 or a
        // restart marker): what a camera appends after it (MPF pictures, maker trailers with their
        // own EXIF and GPS) is cut off.
        int end = buf.length;
        for (int i = pos; i + 1 < buf.length; i++) {
            if ((buf[i] & 0xFF) == 0xFF && (buf[i + 1] & 0xFF) == 0xD9) {
                end = i + 2;
                break;
            }
        }
        out.write(buf, pos, end - pos);
        return out.toByteArray();
    }

    private static byte[] png(byte[] buf, List<GeoPoint> found) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(buf.length);
        out.write(buf, 0, 8);
        int pos = 8;
        while (pos + 12 <= buf.length) {
            int length = u32be(buf, pos);
            int end = pos + 12 + length;
            require(length >= 0 && end <= buf.length, "PNG chunk runs past the end");
            String type = new String(buf, pos + 4, 4, StandardCharsets.ISO_8859_1);
            int data = pos + 8;
            if ((type.equals("iTXt") || type.equals("tEXt") || type.equals("zTXt")) && startsWith(buf, data, end - 4, XMP_PNG)) {
                pos = end;
                continue;
            }
            if (type.equals("eXIf")) {
                int tiff = startsWith(buf, data, end - 4, EXIF_HEADER) ? data + EXIF_HEADER.length : data;
                scrub(buf, tiff, data + length - tiff, found);
                CRC32 crc = new CRC32();
                crc.update(buf, pos + 4, 4 + length);
                putU32be(buf, data + length, (int) crc.getValue());
            }
            out.write(buf, pos, end - pos);
            pos = end;
            if (type.equals("IEND")) {
                break;
            }
        }
        return out.toByteArray();
    }

    private static byte[] webp(byte[] buf, List<GeoPoint> found) {
        require(buf.length >= 12, "WebP header too short");
        ByteArrayOutputStream out = new ByteArrayOutputStream(buf.length);
        out.write(buf, 0, 12);
        int pos = 12;
        boolean droppedXmp = false;
        int vp8xFlags = -1;
        while (pos + 8 <= buf.length) {
            String fourCc = new String(buf, pos, 4, StandardCharsets.ISO_8859_1);
            int size = u32le(buf, pos + 4);
            int end = pos + 8 + size + (size & 1);
            require(size >= 0 && pos + 8 + size <= buf.length, "WebP chunk runs past the end");
            end = Math.min(end, buf.length);
            int data = pos + 8;
            if (fourCc.equals("XMP ")) {
                droppedXmp = true;
                pos = end;
                continue;
            }
            if (fourCc.equals("EXIF")) {
                int tiff = startsWith(buf, data, data + size, EXIF_HEADER) ? data + EXIF_HEADER.length : data;
                scrub(buf, tiff, data + size - tiff, found);
            }
            if (fourCc.equals("VP8X") && size >= 1) {
                vp8xFlags = out.size() + 8;
            }
            out.write(buf, pos, end - pos);
            pos = end;
        }
        byte[] result = out.toByteArray();
        putU32le(result, 4, result.length - 8);
        if (droppedXmp && vp8xFlags >= 0) {
            result[vp8xFlags] &= (byte) ~VP8X_XMP_FLAG;
        }
        return result;
    }

    private static boolean startsWith(byte[] buf, int at, int limit, byte[] prefix) {
        return at + prefix.length <= limit && Arrays.equals(buf, at, at + prefix.length, prefix, 0, prefix.length);
    }

    private static void require(boolean condition, String problem) {
        if (!condition) {
            throw new IllegalArgumentException(problem);
        }
    }

    private static int u32be(byte[] buf, int at) {
        return ((buf[at] & 0xFF) << 24) | ((buf[at + 1] & 0xFF) << 16) | ((buf[at + 2] & 0xFF) << 8) | (buf[at + 3] & 0xFF);
    }

    private static void putU32be(byte[] buf, int at, int value) {
        buf[at] = (byte) (value >>> 24);
        buf[at + 1] = (byte) (value >>> 16);
        buf[at + 2] = (byte) (value >>> 8);
        buf[at + 3] = (byte) value;
    }

    private static int u32le(byte[] buf, int at) {
        return (buf[at] & 0xFF) | ((buf[at + 1] & 0xFF) << 8) | ((buf[at + 2] & 0xFF) << 16) | ((buf[at + 3] & 0xFF) << 24);
    }

    private static void putU32le(byte[] buf, int at, int value) {
        buf[at] = (byte) value;
        buf[at + 1] = (byte) (value >>> 8);
        buf[at + 2] = (byte) (value >>> 16);
        buf[at + 3] = (byte) (value >>> 24);
    }
}
