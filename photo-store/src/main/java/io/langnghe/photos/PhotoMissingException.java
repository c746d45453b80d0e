package io.langnghe.photos;

/** No photo under that reference in the store (a reference never made here, or a store emptied by hand). */
public class PhotoMissingException extends RuntimeException {

    public PhotoMissingException(String reference, Throwable cause) {
        super("no photo " + reference, cause);
    }
}
