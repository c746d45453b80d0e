package io.langnghe.photos;

/** A checked photo, ready for the store: its format by its bytes, its location already taken out unless kept on purpose. */
public record Photo(PhotoKind kind, byte[] bytes) {
}
