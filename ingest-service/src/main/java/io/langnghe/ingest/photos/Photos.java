package io.langnghe.ingest.photos;

import io.langnghe.ingest.intake.InvalidInputException;
import io.langnghe.ingest.problem.FieldError;

import java.util.ArrayList;
import java.util.List;

/**
 * The photos of one petition, checked: at most {@value #MAX_PHOTOS}, each at most 5 MB, each a JPEG,
 * PNG or WebP by its bytes, and without location unless the resident agreed to share it.
 *
 * <p>Not wired to an endpoint yet: the event needs a field for photo references (see the report).
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
        List<FieldError> errors = new ArrayList<>();
        if (uploads.size() > MAX_PHOTOS) {
            throw new InvalidInputException(new FieldError("photos", "too_many",
                    "Tối đa " + MAX_PHOTOS + " ảnh cho mỗi kiến nghị.", "At most " + MAX_PHOTOS + " photos per petition."));
        }
        List<Photo> photos = new ArrayList<>();
        for (int i = 0; i < uploads.size(); i++) {
            byte[] bytes = uploads.get(i);
            String field = "photos[" + i + "]";
            if (bytes.length > MAX_BYTES) {
                errors.add(new FieldError(field, "too_large", "Ảnh lớn hơn 5 MB.", "The photo is larger than 5 MB."));
                continue;
            }
            PhotoKind kind = PhotoKind.of(bytes).orElse(null);
            if (kind == null) {
                errors.add(new FieldError(field, "not_an_image", "Chỉ nhận ảnh JPEG, PNG hoặc WebP.", "Only JPEG, PNG or WebP photos are taken."));
                continue;
            }
            try {
                photos.add(new Photo(kind, shareLocation ? bytes : PhotoPrivacy.withoutLocation(kind, bytes)));
            } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                errors.add(new FieldError(field, "unreadable", "Tệp ảnh bị hỏng.", "The photo file is damaged."));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return photos;
    }
}
