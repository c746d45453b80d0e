package io.langnghe.photos;

/**
 * One uploaded file, checked the same way wherever photos come in (a resident's petition, an
 * officer's proof): at most 5 MB and {@value PhotoDimensions#MAX_PIXELS} pixels by its header (a
 * decompression bomb is refused before anything decodes it), a JPEG, PNG or WebP by its bytes, and
 * without location in the file; the location is kept as a field when the sender agreed to share it. How many photos a form takes is the form's business.
 */
public final class PhotoCheck {

    public static final int MAX_BYTES = 5 * 1024 * 1024;

    /** Why a file was refused, in Vietnamese and English; {@code code}: too_large, too_many_pixels, not_an_image or unreadable. */
    public static final class Refused extends RuntimeException {

        private final String code;
        private final String vi;
        private final String en;

        Refused(String code, String vi, String en) {
            super(en);
            this.code = code;
            this.vi = vi;
            this.en = en;
        }

        public String code() {
            return code;
        }

        public String vi() {
            return vi;
        }

        public String en() {
            return en;
        }
    }

    private PhotoCheck() {
    }

    /**
     * @param name the file name the sender gave, only to name a refused photo in the answer (may be null)
     * @throws Refused when the file is not a photo this project keeps
     */
    public static Photo check(byte[] bytes, String name, boolean shareLocation) {
        String named = name != null && !name.isBlank() ? " (" + shortName(name) + ")" : "";
        if (bytes.length > MAX_BYTES) {
            throw new Refused("too_large", "Ảnh" + named + " lớn hơn 5 MB.", "The photo" + named + " is larger than 5 MB.");
        }
        PhotoKind kind = PhotoKind.of(bytes).orElseThrow(() -> new Refused("not_an_image",
                "Tệp" + named + " không phải ảnh JPEG, PNG hoặc WebP.", "The file" + named + " is not a JPEG, PNG or WebP photo."));
        try {
            PhotoDimensions size = PhotoDimensions.of(kind, bytes);
            if (size.width() <= 0 || size.height() <= 0 || size.pixels() > PhotoDimensions.MAX_PIXELS) {
                throw new Refused("too_many_pixels", "Ảnh" + named + " lớn hơn 40 megapixel (" + size.width() + "×" + size.height() + ").",
                        "The photo" + named + " has more than 40 megapixels (" + size.width() + "×" + size.height() + ").");
            }
            PhotoPrivacy.Stripped stripped = PhotoPrivacy.stripped(kind, bytes);
            return new Photo(kind, stripped.bytes(), shareLocation ? stripped.location() : java.util.Optional.empty());
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new Refused("unreadable", "Tệp ảnh" + named + " bị hỏng.", "The photo file" + named + " is damaged.");
        }
    }

    private static String shortName(String name) {
        String plain = name.replaceAll("[\\p{Cntrl}]", "");
        return plain.length() > 80 ? plain.substring(0, 80) + "…" : plain;
    }
}
