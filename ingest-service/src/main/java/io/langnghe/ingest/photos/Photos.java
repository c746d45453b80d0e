package io.langnghe.ingest.photos;

import io.langnghe.ingest.intake.InvalidInputException;
import io.langnghe.ingest.problem.FieldError;
import io.langnghe.photos.Photo;
import io.langnghe.photos.PhotoCheck;

import java.util.ArrayList;
import java.util.List;

/**
 * The photos of one petition, checked: at most {@value #MAX_PHOTOS}, each as {@link PhotoCheck}
 * checks it (at most 5 MB, a JPEG, PNG or WebP by its bytes, without location unless the resident
 * agreed to share it).
 */
public final class Photos {

    public static final int MAX_PHOTOS = 3;
    public static final int MAX_BYTES = PhotoCheck.MAX_BYTES;

    private Photos() {
    }

    public static List<Photo> check(List<byte[]> uploads, boolean shareLocation) {
        return check(uploads, List.of(), shareLocation);
    }

    /** @param names the file names the sender gave, only to name a refused photo in the answer */
    public static List<Photo> check(List<byte[]> uploads, List<String> names, boolean shareLocation) {
        if (uploads.size() > MAX_PHOTOS) {
            throw new InvalidInputException(new FieldError("photos", "too_many",
                    "Tối đa " + MAX_PHOTOS + " ảnh cho mỗi kiến nghị.", "At most " + MAX_PHOTOS + " photos per petition."));
        }
        List<FieldError> errors = new ArrayList<>();
        List<Photo> photos = new ArrayList<>();
        for (int i = 0; i < uploads.size(); i++) {
            try {
                photos.add(PhotoCheck.check(uploads.get(i), i < names.size() ? names.get(i) : null, shareLocation));
            } catch (PhotoCheck.Refused e) {
                errors.add(new FieldError("photos[" + i + "]", e.code(), e.vi(), e.en()));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return photos;
    }
}
