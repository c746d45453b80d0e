package io.langnghe.ingest.channels;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.langnghe.access.LangngheSecrets;
import io.langnghe.contracts.Channel;
import io.langnghe.contracts.Contact;
import io.langnghe.ingest.contact.ContactHasher;
import io.langnghe.ingest.intake.FeedbackForm;
import io.langnghe.ingest.intake.FeedbackIntake;
import io.langnghe.ingest.intake.IdempotencyConflictException;
import io.langnghe.ingest.intake.IdempotentReplies;
import io.langnghe.ingest.intake.IntakeLimits;
import io.langnghe.ingest.intake.InvalidInputException;
import io.langnghe.ingest.intake.Submission;
import io.langnghe.ingest.problem.FieldError;
import io.langnghe.ingest.web.LimitedBody;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/channels/zalo}: events of the ward's Zalo Official Account. Only a correctly
 * signed event whose timestamp is within {@code langnghe.zalo.max-clock-skew} of our clock is read
 * (anything else: 401, nothing stored). {@code user_send_text} becomes a petition (channel zalo,
 * idempotent on message.msg_id), counted by a keyed hash of the Zalo user id, which the case keeps only
 * to answer on Zalo; "STOP" or "HUY" alone ends the OA's messages to that user instead. Other events
 * are acknowledged and ignored, so Zalo does not retry them.
 */
@Controller("/api/channels/zalo")
@Secured(SecurityRule.IS_ANONYMOUS)
public class ZaloController {

    /** What Zalo gets back. */
    public record ZaloAck(String status, String trackingCode, String feedbackId, Boolean replayed) {
    }

    private final FeedbackIntake intake;
    private final ContactHasher hasher;
    private final IntakeLimits limits;
    private final Duration maxSkew;
    private final String secret;
    private final OptOuts optOuts;
    private final Clock clock = Clock.systemUTC();

    public ZaloController(FeedbackIntake intake, ContactHasher hasher, IntakeLimits limits, ZaloSettings settings,
                          LangngheSecrets secrets, OptOuts optOuts) {
        this.intake = intake;
        this.optOuts = optOuts;
        this.hasher = hasher;
        this.limits = limits;
        this.maxSkew = settings.maxClockSkew();
        this.secret = secrets.get("zalo-oa");
    }

    @Post(consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<ZaloAck> receive(@Nullable @Header(ZaloSignature.HEADER) String signature, @Nullable @Body InputStream stream) {
        if (signature == null) {
            throw new WebhookRefusedException("Thiếu chữ ký X-ZEvent-Signature.", "The X-ZEvent-Signature header is missing.");
        }
        byte[] body = LimitedBody.read(stream, limits.maxBodyBytes());
        ObjectNode event = Webhooks.json(body);
        String appId = event.path("app_id").asText("");
        String timestamp = event.path("timestamp").asText("");
        if (!ZaloSignature.matches(signature, appId, body, timestamp, secret)) {
            throw new WebhookRefusedException("Chữ ký Zalo không đúng.", "The Zalo signature does not match.");
        }
        checkFresh(timestamp);

        if (!"user_send_text".equals(event.path("event_name").asText())) {
            return HttpResponse.ok(new ZaloAck("ignored", null, null, null));
        }
        List<FieldError> errors = new ArrayList<>();
        JsonNode message = event.path("message");
        String text = message.isObject() ? FeedbackForm.optionalText(message, "text", errors) : null;
        if (errors.isEmpty() && (text == null || text.isEmpty())) {
            errors.add(new FieldError("message.text", "required", "Tin nhắn không có nội dung.", "The message has no text."));
        } else if (text != null && FeedbackForm.codePoints(text) > limits.maxTextCodePoints()) {
            errors.add(FeedbackForm.tooLong("message.text", "Nội dung tin nhắn", "The message text", limits.maxTextCodePoints()));
        }
        String messageId = message.path("msg_id").asText("");
        if (!Webhooks.MESSAGE_ID.matcher(messageId).matches()) {
            errors.add(new FieldError("message.msg_id", "required", "Thiếu message.msg_id.", "message.msg_id is missing."));
        }
        String senderId = event.path("sender").path("id").asText("");
        if (senderId.isBlank()) {
            errors.add(new FieldError("sender.id", "required", "Thiếu sender.id.", "sender.id is missing."));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }

        if (OptOuts.isStop(text)) {
            optOuts.optOut(hasher.hash("zalo:" + senderId), "zalo");
            return HttpResponse.ok(new ZaloAck("opted_out", null, null, null));
        }
        Submission submission = new Submission(text, Channel.ZALO, null, null, null, null, false);
        // the OA-scoped user id travels with the case only so the ward can answer on Zalo
        Contact contact = new Contact(null, null, null, hasher.hash("zalo:" + senderId), false).withZaloUserId(senderId);
        Map<String, String> client = new HashMap<>();
        client.put("zaloAppId", appId);
        String oaId = event.path("recipient").path("id").asText("");
        if (!oaId.isBlank()) {
            client.put("zaloOaId", oaId);
        }
        try {
            IdempotentReplies.Outcome outcome = intake.acceptFromSource(submission, contact, null, "zalo:" + messageId, client);
            return HttpResponse.ok(new ZaloAck("accepted", outcome.receipt().trackingCode(), outcome.receipt().feedbackId(), !outcome.first()));
        } catch (IdempotencyConflictException e) {
            throw new InvalidInputException(new FieldError("message.msg_id", "reused",
                    "msg_id này đã dùng cho một tin nhắn khác.", "This msg_id was used for a different message."));
        }
    }

    /** A signed event replayed long after it was sent is refused like a forged one. */
    private void checkFresh(String timestamp) {
        long millis;
        try {
            millis = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            throw new WebhookRefusedException("Thời điểm (timestamp) của sự kiện không hợp lệ.", "The event timestamp is not valid.");
        }
        Duration skew = Duration.between(Instant.ofEpochMilli(millis), clock.instant()).abs();
        if (skew.compareTo(maxSkew) > 0) {
            throw new WebhookRefusedException("Sự kiện quá cũ hoặc sai giờ (lệch " + skew.toSeconds() + " giây).",
                    "The event is too old or its clock is off (by " + skew.toSeconds() + " seconds).");
        }
    }
}
