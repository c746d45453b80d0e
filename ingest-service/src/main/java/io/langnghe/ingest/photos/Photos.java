package io.langnghe.ingest.photos;

import io.langnghe.ingest.intake.InvalidInputException;
import io.langnghe.ingest.problem.FieldError;

import java.util.ArrayList;
import java.util.List;

/**
 * The photos of one petition, checked: at most {@value #MAX_PHOTOS}, each at most 5 MB, each a JPEG,
 * PNG or WebP by its bytes, and without location unless the resident agreed to share it.
 *
 */
public final class Photos {

    public static final int MAX_PHOTOS = 3;
    public static final int MAX_BYTES = 5 * 1024 * 1024;

    /** A checked photo, ready for the store. */
    public record Photo(PhotoKind kind, byte[] bytes) {
    }

    private Photos() {
    }

    public static List<Photo> check(List<byte[]> uploads, boolean shareLocation) {
        return check(uploads, List.of(), shareLocation);
    }

    /** @param names the file names the sender gave, only to name a refused photo in the answer */
    public static List<Photo> check(List<byte[]> uploads, List<String> names, boolean shareLocation) {
        List<FieldError> errors = new ArrayList<>();
        if (uploads.size() > MAX_PHOTOS) {
            throw new InvalidInputException(new FieldError("photos", "too_many",
                    "Tối đa " + MAX_PHOTOS + " ảnh cho mỗi kiến nghị.", "At most " + MAX_PHOTOS + " photos per petition."));
        }
        List<Photo> photos = new ArrayList<>();
        for (int i = 0; i < uploads.size(); i++) {
            byte[] bytes = uploads.get(i);
            String field = "photos[" + i + "]";
            String named = i < names.size() && names.get(i) != null && !names.get(i).isBlank()
                    ? " (" + shortName(names.get(i)) + ")" : "";
            if (bytes.length > MAX_BYTES) {
                errors.add(new FieldError(field, "too_large", "Ảnh" + named + " lớn hơn 5 MB.", "The photo" + named + " is larger than 5 MB."));
                continue;
            }
            PhotoKind kind = PhotoKind.of(bytes).orElse(null);
            if (kind == null) {
                errors.add(new FieldError(field, "not_an_image", "Tệp" + named + " không phải ảnh JPEG, PNG hoặc WebP.", "The file" + named + " is not a JPEG, PNG or WebP photo."));
                continue;
            }
            try {
                photos.add(new Photo(kind, shareLocation ? bytes : PhotoPrivacy.withoutLocation(kind, bytes)));
            } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                errors.add(new FieldError(field, "unreadable", "Tệp ảnh" + named + " bị hỏng.", "The photo file" + named + " is damaged."));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return photos;
    }

    private static String shortName(String name) {
        String plain = name.replaceAll("[\\p{Cntrl}]", "");
        return plain.length() > 80 ? plain.substring(0, 80) + "…" : plain;
    }
}
