package io.langnghe.photos;

/** The store did not keep (or give back) a photo: the caller answers "try again later", never that the photo is kept. */
public class PhotoStoreUnavailableException extends RuntimeException {

    public PhotoStoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
