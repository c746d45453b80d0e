package io.langnghe.photos;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The check every incoming photo passes (a resident's, an officer's proof) and the directory store
 * both services read: what is refused says why in both languages, and only the store's own names are read.
 * (GPS removal itself is shown on real EXIF in ingest-service's PhotosTest.)
 */
class PhotoCheckTest {

    @Test
    void takesAPhotoByItsBytesWhateverItsName() throws IOException {
        byte[] png = png();

        Photo photo = PhotoCheck.check(png, "anh-cong.jpg", false);

        assertThat(photo.kind()).isEqualTo(PhotoKind.PNG);
        assertThat(photo.bytes()).as("nothing to take out of a photo without metadata").isEqualTo(png);
    }

    @Test
    void refusesWhatIsNotAPhotoNamingTheFileInBothLanguages() throws IOException {
        PhotoCheck.Refused pdf = catchThrowableOfType(PhotoCheck.Refused.class,
                () -> PhotoCheck.check("%PDF-1.7".getBytes(StandardCharsets.US_ASCII), "bien-ban.pdf", false));
        PhotoCheck.Refused huge = catchThrowableOfType(PhotoCheck.Refused.class,
                () -> PhotoCheck.check(Arrays.copyOf(png(), PhotoCheck.MAX_BYTES + 1), null, false));
        PhotoCheck.Refused broken = catchThrowableOfType(PhotoCheck.Refused.class,
                () -> PhotoCheck.check(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE1, 0x7F, 0x7F, 1, 2}, "x.jpg", false));

        assertThat(pdf.code()).isEqualTo("not_an_image");
        assertThat(pdf.vi()).contains("bien-ban.pdf", "không phải ảnh");
        assertThat(pdf.en()).contains("bien-ban.pdf", "not a JPEG, PNG or WebP");
        assertThat(huge.code()).isEqualTo("too_large");
        assertThat(broken.code()).isEqualTo("unreadable");
    }

    @Test
    void aDecompressionBombIsRefusedFromItsHeaderBeforeAnythingDecodesIt() throws IOException {
        byte[] bomb = png();
        // IHDR claims 100,000 × 100,000 pixels; the file stays a few hundred bytes
        ByteBuffer.wrap(bomb, 16, 8).putInt(100_000).putInt(100_000);
        byte[] justUnder = png();
        ByteBuffer.wrap(justUnder, 16, 8).putInt(8000).putInt(5000);

        PhotoCheck.Refused refused = catchThrowableOfType(PhotoCheck.Refused.class, () -> PhotoCheck.check(bomb, "bom.png", false));

        assertThat(refused.code()).isEqualTo("too_many_pixels");
        assertThat(refused.en()).contains("bom.png", "40 megapixels", "100000×100000");
        assertThat(PhotoDimensions.of(PhotoKind.PNG, justUnder).pixels()).isEqualTo(40_000_000L);
        assertThat(PhotoCheck.check(justUnder, null, false).kind()).as("40 megapixels are still a photo").isEqualTo(PhotoKind.PNG);
        assertThat(PhotoDimensions.of(PhotoKind.JPEG, jpeg(640, 480))).isEqualTo(new PhotoDimensions(640, 480));
    }

    @Test
    void whatACameraAppendsAfterAJpegsEndIsCutOff() throws IOException {
        byte[] jpeg = jpeg(16, 16);
        byte[] trailer = "MPF second picture with Exif GPS 19.8075 105.7767".getBytes(StandardCharsets.US_ASCII);
        byte[] withTrailer = Arrays.copyOf(jpeg, jpeg.length + trailer.length);
        System.arraycopy(trailer, 0, withTrailer, jpeg.length, trailer.length);

        byte[] kept = PhotoCheck.check(withTrailer, "dien-thoai.jpg", false).bytes();

        assertThat(new String(kept, StandardCharsets.ISO_8859_1)).doesNotContain("GPS", "105.7767");
        assertThat(kept[kept.length - 2] & 0xFF).isEqualTo(0xFF);
        assertThat(kept[kept.length - 1] & 0xFF).as("ends at the end of image").isEqualTo(0xD9);
        assertThat(ImageIO.read(new java.io.ByteArrayInputStream(kept)).getWidth()).isEqualTo(16);
    }

    @Test
    void theDirectoryStoreKeepsAPhotoOnceByContentAndReadsOnlyItsOwnNames(@TempDir Path directory) throws IOException {
        PhotoStore store = new DirectoryPhotoStore(directory);
        Photo photo = new Photo(PhotoKind.PNG, png());

        String ref = store.put(photo);

        assertThat(store.put(photo)).isEqualTo(ref);
        assertThat(ref).matches("sha256-[0-9a-f]{64}\\.png");
        assertThat(store.get(ref)).isEqualTo(photo.bytes());
        try (var files = Files.list(directory)) {
            assertThat(files).hasSize(1);
        }
        assertThatThrownBy(() -> store.get("../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.get("sha256-" + "0".repeat(64) + ".jpg")).isInstanceOf(PhotoMissingException.class);
    }

    private static byte[] jpeg(int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "jpg", out);
        return out.toByteArray();
    }

    private static byte[] png() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }
}
