package io.langnghe.photos;

import java.util.Optional;

/**
 * A checked photo, ready for the store: its format by its bytes, its location always taken out of the
 * file; where it was taken is kept beside it only when the sender agreed to share it.
 */
public record Photo(PhotoKind kind, byte[] bytes, Optional<GeoPoint> location) {

    /** A photo with no location to keep. */
    public Photo(PhotoKind kind, byte[] bytes) {
        this(kind, bytes, Optional.empty());
    }
}
