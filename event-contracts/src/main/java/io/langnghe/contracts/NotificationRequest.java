package io.langnghe.contracts;

import java.time.Instant;
import java.util.List;

/**
 * A message to hand to one channel now: value of {@code notifications.v1}, keyed by {@code caseId}.
 * The sender hands each {@code idempotencyKey} to its channel at most once, however often it reads it.
 *
 * @param idempotencyKey {@code <caseId>:<caseVersion>:<channel>}, or {@code <kind>:<subject>:<recipient>} for staff mail
 * @param event          received, acknowledged, in_progress, answered, resolved, rejected, reopened, digest, escalation
 * @param channel        sms, zalo or email
 * @param recipient      the phone (E.164), Zalo user id or e-mail address: travels only here, never into the history
 * @param template       the template file the text came from, e.g. {@code sms/answered.vi}
 * @param subject        the e-mail subject, or null for SMS and Zalo
 * @param merged         events this message stands for besides its own (merged updates), oldest first
 * @param interactedAt   when the resident last wrote to the ward on Zalo (the window for a free reply), or null
 * @param unicode        SMS only: sent in UCS-2 with diacritics rather than GSM-7 without
 * @param phone          Zalo only: the resident's phone for a ZNS template once the free window has closed, or null
 * @param sealedContact  the case's sealed contact when the resident's is sealed: recipient and phone are then null
 *                       here and opened by the sender just before sending (an erased contact is never sent to)
 */
public record NotificationRequest(
        int schemaVersion,
        String idempotencyKey,
        String caseId,
        long caseVersion,
        String trackingCode,
        String event,
        String channel,
        String recipient,
        String template,
        String language,
        String subject,
        String text,
        boolean urgent,
        Instant requestedAt,
        List<String> merged,
        Instant interactedAt,
        boolean unicode,
        String phone,
        Contact.Sealed sealedContact) {

    public static final int SCHEMA_VERSION = 1;

    public NotificationRequest {
        merged = merged == null ? List.of() : List.copyOf(merged);
    }

    /** A message whose recipient travels in clear: staff mail, and residents' contacts written before sealing. */
    public NotificationRequest(int schemaVersion, String idempotencyKey, String caseId, long caseVersion, String trackingCode,
                               String event, String channel, String recipient, String template, String language,
                               String subject, String text, boolean urgent, Instant requestedAt, List<String> merged,
                               Instant interactedAt, boolean unicode, String phone) {
        this(schemaVersion, idempotencyKey, caseId, caseVersion, trackingCode, event, channel, recipient, template, language,
                subject, text, urgent, requestedAt, merged, interactedAt, unicode, phone, null);
    }

    /** The same message with its recipient opened, to hand to the channel (never written back to Kafka). */
    public NotificationRequest withRecipient(String recipient, String phone) {
        return new NotificationRequest(schemaVersion, idempotencyKey, caseId, caseVersion, trackingCode, event, channel, recipient,
                template, language, subject, text, urgent, requestedAt, merged, interactedAt, unicode, phone, sealedContact);
    }
}
