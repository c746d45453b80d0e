package io.langnghe.ingest.intake;

import java.time.Instant;

/**
 * The answer to an accepted petition: what the resident keeps to follow it.
 *
 * @param status   always "received": Kafka holds the petition; routing happens next
 * @param trackUrl where its status can be read, without any personal data
 */
public record Receipt(String feedbackId, String trackingCode, String status, String trackUrl, Instant receivedAt) {

    public static Receipt received(String feedbackId, String trackingCode, Instant receivedAt) {
        return new Receipt(feedbackId, trackingCode, "received", "/api/track/" + trackingCode, receivedAt);
    }
}
