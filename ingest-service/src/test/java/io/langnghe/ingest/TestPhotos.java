package io.langnghe.ingest;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Small real images for the endpoint tests, with or without the GPS block a phone writes. */
public final class TestPhotos {

    /** 19°48'27" N as the three rationals of an EXIF GPSLatitude. */
    public static final byte[] LATITUDE = rationals(19, 48, 27);
    /** 105°46'40" E. */
    public static final byte[] LONGITUDE = rationals(105, 46, 40);

    private TestPhotos() {
    }

    public static byte[] png() {
        return image("png");
    }

    /** A JPEG whose EXIF carries a GPS latitude. */
    public static byte[] jpegWithGps() {
        byte[] jpeg = image("jpg");
        byte[] exif = concat("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1), tiffWithGps());
        int length = exif.length + 2;
        byte[] segment = concat(new byte[] {(byte) 0xFF, (byte) 0xE1, (byte) (length >> 8), (byte) length}, exif);
        return concat(Arrays.copyOf(jpeg, 2), segment, Arrays.copyOfRange(jpeg, 2, jpeg.length));
    }

    public static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** An 8 × 8 picture in the format ("jpg", "png"), without metadata. */
    public static byte[] image(String format) {
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 3, 0xA50E0E);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * A little-endian TIFF block: IFD0 with Orientation=6 and a GPS pointer; a GPS IFD with N {@link #LATITUDE}
     * and E {@link #LONGITUDE}.
     */
    public static byte[] tiffWithGps() {
        ByteBuffer tiff = ByteBuffer.allocate(140).order(ByteOrder.LITTLE_ENDIAN);
        tiff.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
        tiff.putShort((short) 2);
        tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) 6).putShort((short) 0);
        tiff.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(38);
        tiff.putInt(0);
        // the GPS IFD at 38: four entries, then the two values they point to (at 92 and 116)
        tiff.putShort((short) 4);
        tiff.putShort((short) 0x0001).putShort((short) 2).putInt(2).put((byte) 'N').put((byte) 0).putShort((short) 0);
        tiff.putShort((short) 0x0002).putShort((short) 5).putInt(3).putInt(92);
        tiff.putShort((short) 0x0003).putShort((short) 2).putInt(2).put((byte) 'E').put((byte) 0).putShort((short) 0);
        tiff.putShort((short) 0x0004).putShort((short) 5).putInt(3).putInt(116);
        tiff.putInt(0);
        tiff.put(LATITUDE);
        tiff.put(LONGITUDE);
        return tiff.array();
    }

    private static byte[] rationals(int... wholes) {
        ByteBuffer values = ByteBuffer.allocate(8 * wholes.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int whole : wholes) {
            values.putInt(whole * 1000 + 7).putInt(1000);
        }
        return values.array();
    }

    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
