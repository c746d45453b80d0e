package io.langnghe.contracts;

import java.time.Instant;
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
        Map<String, String> client) {

    public static final int SCHEMA_VERSION = 1;
}
