package io.langnghe.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A petition as the ward received it, whatever the channel. Value of {@code feedback.received.v1},
 * keyed by {@code feedbackId}.
 *
 * @param text          the resident's words, Unicode NFC
 * @param area          tổ dân phố code (e.g. "tdp-05"), or null when only an address is known
 * @param batchId       the neighbourhood or voter meeting this came from, or null
 * @param caseRef       an existing case this report is about (a repeat call), or null
 * @param idempotencyKey what made the intake answer retries with the first result
 * @param client        channel metadata (user agent, gateway id...), never personal data
 * @param photos        references to photos in the blob store (never the bytes); empty when none
 * @param meeting       the neighbourhood or voter-contact meeting of a batch, or null
 * @param requestedCategory the category the sender chose (an Open311 service_code), or null
 */
public record FeedbackReceived(
        int schemaVersion,
        String feedbackId,
        String trackingCode,
        Channel channel,
        Instant receivedAt,
        String text,
        String area,
        String address,
        Contact contact,
        String batchId,
        String caseRef,
        String idempotencyKey,
        Map<String, String> client,
        List<PhotoRef> photos,
        Meeting meeting,
        Category requestedCategory) {

    public static final int SCHEMA_VERSION = 1;

    public FeedbackReceived {
        photos = photos == null ? List.of() : List.copyOf(photos);
    }

    /** A petition without photos, meeting or requested category: what the first intake channels send. */
    public FeedbackReceived(int schemaVersion, String feedbackId, String trackingCode, Channel channel,
                            Instant receivedAt, String text, String area, String address, Contact contact,
                            String batchId, String caseRef, String idempotencyKey, Map<String, String> client) {
        this(schemaVersion, feedbackId, trackingCode, channel, receivedAt, text, area, address, contact,
                batchId, caseRef, idempotencyKey, client, List.of(), null, null);
    }

    /**
     * A photo kept in the blob store.
     *
     * @param ref         the store's key (content hash), never a path a client chose
     * @param contentType image/jpeg, image/png or image/webp, checked by the bytes
     * @param locationKept whether the resident agreed to share where the photo was taken
     * @param location     where it was taken, read from the photo before its GPS data was taken out of
     *                     the file (never in the file itself), or null when not shared or not known
     */
    // a photo without a location writes the same JSON as before locations travelled beside photos
    public record PhotoRef(String ref, String contentType, long bytes, boolean locationKept,
                           @JsonInclude(JsonInclude.Include.NON_NULL) Coordinates location) {

        /** A photo without a location. */
        public PhotoRef(String ref, String contentType, long bytes, boolean locationKept) {
            this(ref, contentType, bytes, locationKept, null);
        }
    }

    /** A point in decimal degrees (WGS 84). */
    public record Coordinates(double latitude, double longitude) {
    }

    /**
     * The meeting a batch of petitions came from, so answers can be reported back to it.
     *
     * @param kind group_meeting (họp tổ dân phố) or voter_meeting (tiếp xúc cử tri)
     */
    public record Meeting(String kind, LocalDate date, String place, String chairedBy, String area) {
    }
}
