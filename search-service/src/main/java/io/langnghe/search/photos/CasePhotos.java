package io.langnghe.search.photos;

import io.langnghe.contracts.FeedbackReceived.PhotoRef;
import io.langnghe.photos.Photo;
import io.langnghe.photos.PhotoCheck;
import io.langnghe.photos.PhotoKind;
import io.langnghe.photos.PhotoMissingException;
import io.langnghe.photos.PhotoPrivacy;
import io.langnghe.photos.PhotoStore;
import io.langnghe.photos.PhotoStoreUnavailableException;
import io.langnghe.search.problem.FieldError;
import io.langnghe.search.problem.Problem;
import io.langnghe.search.problem.ProblemException;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import jakarta.inject.Singleton;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The photos of cases, in the store ingest-service keeps petition photos in: shown to whoever may see
 * the case, and an officer's photos of proof kept the way a resident's are (checked by their bytes,
 * location taken out). The bytes never go to Kafka or Elasticsearch, only their references.
 */
@Singleton
public class CasePhotos {

    /** As many as a resident may send with a petition; routing-streams refuses more too. */
    public static final int MAX_ANSWER_PHOTOS = 3;

    private final PhotoStore store;

    public CasePhotos(PhotoStore store) {
        this.store = store;
    }

    /** Keeps an officer's photo of proof, always without its location: an answer is public. */
    public PhotoRef keep(byte[] bytes, String filename) {
        Photo photo;
        try {
            photo = PhotoCheck.check(bytes, filename, false);
        } catch (PhotoCheck.Refused e) {
            throw new ProblemException(Problem.invalidInput(List.of(new FieldError("photo", e.code(), e.vi(), e.en()))));
        }
        try {
            return new PhotoRef(store.put(photo), photo.kind().mediaType(), photo.bytes().length, false);
        } catch (PhotoStoreUnavailableException e) {
            throw new ProblemException(Problem.photosUnavailable(), e);
        }
    }

    /**
     * The photos an answer names, each one kept here and holding no location (so a petition photo whose
     * resident shared the location can never become public proof).
     */
    public List<PhotoRef> proof(List<String> refs) {
        List<FieldError> errors = new ArrayList<>();
        List<PhotoRef> proof = new ArrayList<>();
        for (int i = 0; i < refs.size(); i++) {
            String ref = refs.get(i);
            String field = "photos[" + i + "]";
            if (ref == null || !PhotoStore.REFERENCE.matcher(ref).matches()) {
                errors.add(new FieldError(field, "invalid", "Mã ảnh không hợp lệ; hãy tải ảnh lên trước.",
                        "Not a photo reference; upload the photo first."));
                continue;
            }
            byte[] bytes = read(ref).orElse(null);
            PhotoKind kind = bytes == null ? null : PhotoKind.of(bytes).orElse(null);
            if (kind == null) {
                errors.add(new FieldError(field, "unknown_photo", "Không có ảnh này trong kho; hãy tải ảnh lên lại.",
                        "There is no such photo in the store; upload it again."));
            } else if (!withoutLocation(kind, bytes)) {
                errors.add(new FieldError(field, "has_location", "Ảnh này còn vị trí GPS, không thể công khai; hãy tải ảnh lên lại.",
                        "This photo still carries a GPS location and cannot be made public; upload it again."));
            } else {
                proof.add(new PhotoRef(ref, kind.mediaType(), bytes.length, false));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.invalidInput(errors));
        }
        return proof;
    }

    /** The photo's bytes with its own content type; the reference names the content, so it never changes. */
    public HttpResponse<byte[]> serve(PhotoRef photo, String cacheControl) {
        byte[] bytes = read(photo.ref()).orElseThrow(() -> new ProblemException(Problem.photoNotFound()));
        PhotoKind kind = PhotoKind.of(bytes).orElseThrow(() -> new ProblemException(Problem.photoNotFound()));
        return HttpResponse.ok(bytes)
                .contentType(MediaType.of(kind.mediaType()))
                .header(HttpHeaders.CACHE_CONTROL, cacheControl)
                .header("X-Content-Type-Options", "nosniff");
    }

    private Optional<byte[]> read(String ref) {
        try {
            return Optional.of(store.get(ref));
        } catch (PhotoMissingException | IllegalArgumentException e) {
            return Optional.empty();
        } catch (PhotoStoreUnavailableException | UncheckedIOException e) {
            throw new ProblemException(Problem.photosUnavailable(), e);
        }
    }

    private static boolean withoutLocation(PhotoKind kind, byte[] bytes) {
        try {
            return Arrays.equals(PhotoPrivacy.withoutLocation(kind, bytes), bytes);
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            return false;
        }
    }
}
