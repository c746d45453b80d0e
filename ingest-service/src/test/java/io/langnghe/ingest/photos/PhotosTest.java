package io.langnghe.ingest.photos;

import io.langnghe.ingest.intake.InvalidInputException;
import io.langnghe.ingest.problem.FieldError;
import io.langnghe.photos.DirectoryPhotoStore;
import io.langnghe.photos.Photo;
import io.langnghe.photos.PhotoKind;
import io.langnghe.photos.PhotoPrivacy;
import io.langnghe.photos.PhotoStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;

import static io.langnghe.ingest.TestPhotos.LATITUDE;
import static io.langnghe.ingest.TestPhotos.concat;
import static io.langnghe.ingest.TestPhotos.image;
import static io.langnghe.ingest.TestPhotos.tiffWithGps;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class PhotosTest {

    /** 19°48'27" N: the three rationals a phone writes for Đông Sơn's latitude. */

    @Test
    void tellsImagesByTheirBytesNotTheirNames() throws IOException {
        assertThat(PhotoKind.of(image("jpg"))).contains(PhotoKind.JPEG);
        assertThat(PhotoKind.of(image("png"))).contains(PhotoKind.PNG);
        assertThat(PhotoKind.of(webp(false))).contains(PhotoKind.WEBP);
        assertThat(PhotoKind.of("GIF89a....".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(PhotoKind.of("%PDF-1.7 anh.jpg".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(PhotoKind.of(new byte[] {(byte) 0xFF, (byte) 0xD8})).isEmpty();
    }

    @Test
    void takesTheLocationOutOfAJpegAndKeepsItsOrientation() throws IOException {
        byte[] jpeg = withExifSegment(image("jpg"));

        byte[] clean = PhotoPrivacy.withoutLocation(PhotoKind.JPEG, jpeg);

        assertThat(indexOf(jpeg, LATITUDE)).isPositive();
        assertThat(indexOf(clean, LATITUDE)).isNegative();
        assertThat(clean).hasSameSizeAs(jpeg);
        assertThat(indexOf(clean, orientationEntry())).as("orientation tag kept").isPositive();
        assertThat(ImageIO.read(new ByteArrayInputStream(clean))).isNotNull();
    }

    @Test
    void dropsXmpWhichMayRepeatTheCoordinates() throws IOException {
        byte[] xmp = "http://ns.adobe.com/xap/1.0/\0<x:xmpmeta><exif:GPSLatitude>19,48.45N</exif:GPSLatitude></x:xmpmeta>"
                .getBytes(StandardCharsets.ISO_8859_1);
        byte[] jpeg = insertAfterSoi(image("jpg"), segment(0xE1, xmp));

        byte[] clean = PhotoPrivacy.withoutLocation(PhotoKind.JPEG, jpeg);

        assertThat(new String(clean, StandardCharsets.ISO_8859_1)).doesNotContain("GPSLatitude");
        assertThat(ImageIO.read(new ByteArrayInputStream(clean))).isNotNull();
    }

    @Test
    void takesTheLocationOutOfAPngKeepingItsChecksumsRight() throws IOException {
        byte[] png = image("png");
        byte[] withExif = insertBeforeIend(png, chunk("eXIf", tiffWithGps()));
        byte[] withXmp = insertBeforeIend(withExif, chunk("iTXt", "XML:com.adobe.xmp\0\0\0\0\0<GPSLatitude/>".getBytes(StandardCharsets.ISO_8859_1)));

        byte[] clean = PhotoPrivacy.withoutLocation(PhotoKind.PNG, withXmp);

        assertThat(indexOf(clean, LATITUDE)).isNegative();
        assertThat(new String(clean, StandardCharsets.ISO_8859_1)).doesNotContain("GPSLatitude").contains("eXIf");
        assertThat(chunksHaveValidCrcs(clean)).isTrue();
        assertThat(ImageIO.read(new ByteArrayInputStream(clean))).isNotNull();
    }

    @Test
    void takesTheLocationOutOfAWebpAndFixesItsHeader() {
        byte[] webp = webp(true);

        byte[] clean = PhotoPrivacy.withoutLocation(PhotoKind.WEBP, webp);

        assertThat(indexOf(clean, LATITUDE)).isNegative();
        assertThat(new String(clean, StandardCharsets.ISO_8859_1)).doesNotContain("XMP ").contains("EXIF", "VP8L");
        assertThat(ByteBuffer.wrap(clean, 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt()).isEqualTo(clean.length - 8);
        assertThat(clean[20] & 0x04).as("VP8X no longer announces XMP").isZero();
        assertThat(clean[20] & 0x08).as("VP8X still announces EXIF").isNotZero();
    }

    @Test
    void takesTheLocationOutOfTheFileEvenWhenSharedAndKeepsItBesideTheFile() throws IOException {
        byte[] jpeg = withExifSegment(image("jpg"));

        Photo shared = Photos.check(List.of(jpeg), true).get(0);
        Photo notShared = Photos.check(List.of(jpeg), false).get(0);

        assertThat(indexOf(shared.bytes(), LATITUDE)).isNegative();
        assertThat(shared.bytes()).isEqualTo(notShared.bytes());
        assertThat(shared.location()).hasValueSatisfying(where -> {
            assertThat(where.latitude()).isCloseTo(19.81462, org.assertj.core.api.Assertions.within(0.0001));
            assertThat(where.longitude()).isCloseTo(105.78490, org.assertj.core.api.Assertions.within(0.0001));
        });
        assertThat(notShared.location()).isEmpty();
    }

    @Test
    void refusesMoreThanThreeTooLargeNotImagesAndBrokenFiles() throws IOException {
        byte[] jpeg = image("jpg");
        byte[] huge = Arrays.copyOf(jpeg, Photos.MAX_BYTES + 1);
        byte[] pdf = "%PDF-1.7".getBytes(StandardCharsets.US_ASCII);
        byte[] broken = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE1, 0x7F, 0x7F, 1, 2};

        assertThat(catchThrowableOfType(() -> Photos.check(List.of(jpeg, jpeg, jpeg, jpeg), false), InvalidInputException.class)
                .errors()).extracting(FieldError::code).containsExactly("too_many");
        assertThat(catchThrowableOfType(() -> Photos.check(List.of(jpeg, huge, pdf, broken).subList(1, 4), false), InvalidInputException.class)
                .errors()).extracting(e -> e.field() + ":" + e.code())
                .containsExactly("photos[0]:too_large", "photos[1]:not_an_image", "photos[2]:unreadable");
    }

    @Test
    void storesEachPhotoOnceByItsContent(@TempDir Path directory) throws IOException {
        PhotoStore store = new DirectoryPhotoStore(directory);
        Photo photo = new Photo(PhotoKind.PNG, image("png"));

        String first = store.put(photo);
        String again = store.put(photo);

        assertThat(first).matches("sha256-[0-9a-f]{64}\\.png").isEqualTo(again);
        try (var files = Files.list(directory)) {
            assertThat(files).hasSize(1);
        }
        assertThat(store.get(first)).isEqualTo(photo.bytes());
        assertThatThrownBy(() -> store.get("../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
    }

    // ---- test images -------------------------------------------------------------------------

    private static byte[] orientationEntry() {
        return ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN)
                .putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) 6).array();
    }

    private static byte[] withExifSegment(byte[] jpeg) {
        byte[] exif = concat("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1), tiffWithGps());
        return insertAfterSoi(jpeg, segment(0xE1, exif));
    }

    private static byte[] segment(int marker, byte[] data) {
        int length = data.length + 2;
        return concat(new byte[] {(byte) 0xFF, (byte) marker, (byte) (length >> 8), (byte) length}, data);
    }

    private static byte[] insertAfterSoi(byte[] jpeg, byte[] segment) {
        return concat(Arrays.copyOf(jpeg, 2), segment, Arrays.copyOfRange(jpeg, 2, jpeg.length));
    }

    private static byte[] chunk(String type, byte[] data) {
        byte[] typeAndData = concat(type.getBytes(StandardCharsets.ISO_8859_1), data);
        CRC32 crc = new CRC32();
        crc.update(typeAndData);
        return concat(ByteBuffer.allocate(4).putInt(data.length).array(), typeAndData, ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    private static byte[] insertBeforeIend(byte[] png, byte[] chunk) {
        int iend = png.length - 12;
        return concat(Arrays.copyOf(png, iend), chunk, Arrays.copyOfRange(png, iend, png.length));
    }

    private static boolean chunksHaveValidCrcs(byte[] png) {
        int pos = 8;
        while (pos + 12 <= png.length) {
            int length = ByteBuffer.wrap(png, pos, 4).getInt();
            CRC32 crc = new CRC32();
            crc.update(png, pos + 4, 4 + length);
            if (ByteBuffer.wrap(png, pos + 8 + length, 4).getInt() != (int) crc.getValue()) {
                return false;
            }
            pos += 12 + length;
        }
        return pos == png.length;
    }

    /** RIFF/WEBP with VP8X (EXIF and, optionally, XMP announced), a stand-in VP8L chunk, EXIF and XMP. */
    private static byte[] webp(boolean withMetadata) {
        byte[] vp8x = webpChunk("VP8X", new byte[] {(byte) (withMetadata ? 0x0C : 0), 0, 0, 0, 7, 0, 0, 7, 0, 0});
        byte[] image = webpChunk("VP8L", new byte[] {0x2F, 7, (byte) 0xC0, 1, 0});
        byte[] body = withMetadata
                ? concat("WEBP".getBytes(StandardCharsets.ISO_8859_1), vp8x, image, webpChunk("EXIF", tiffWithGps()),
                webpChunk("XMP ", "<x:xmpmeta><exif:GPSLatitude/></x:xmpmeta>".getBytes(StandardCharsets.ISO_8859_1)))
                : concat("WEBP".getBytes(StandardCharsets.ISO_8859_1), vp8x, image);
        ByteBuffer riff = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).put("RIFF".getBytes(StandardCharsets.ISO_8859_1)).putInt(body.length);
        return concat(riff.array(), body);
    }

    private static byte[] webpChunk(String fourCc, byte[] data) {
        ByteBuffer header = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).put(fourCc.getBytes(StandardCharsets.ISO_8859_1)).putInt(data.length);
        return concat(header.array(), data, new byte[data.length % 2]);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
