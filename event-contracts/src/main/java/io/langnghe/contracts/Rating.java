package io.langnghe.contracts;

import java.time.Instant;

/**
 * The resident's word on an answer: 1 to 5 stars, an optional comment, and whether the problem is
 * really fixed (a "not fixed" reopens the case).
 */
public record Rating(int stars, String comment, boolean fixed, Instant ratedAt) {
}
