package io.langnghe.contracts;

import java.time.Instant;

/**
 * The resident's word on an answer: 1 to 5 stars, an optional comment, and whether the problem is
 * really fixed.
 *
 * @param proven whether the resident showed, beside the tracking code, a proof only they have (the
 *               last 4 digits of the phone they gave; search-service checks it). A proven "not fixed"
 *               reopens the case; without a phone the code alone may rate once, and its "not fixed"
 *               waits for an officer to confirm the reopening, since the code may have been shared.
 */
public record Rating(int stars, String comment, boolean fixed, Instant ratedAt, boolean proven) {

    /** A rating with the tracking code alone. */
    public Rating(int stars, String comment, boolean fixed, Instant ratedAt) {
        this(stars, comment, fixed, ratedAt, false);
    }
}
