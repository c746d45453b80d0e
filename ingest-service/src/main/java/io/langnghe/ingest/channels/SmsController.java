package io.langnghe.ingest.channels;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.langnghe.access.LangngheSecrets;
import io.langnghe.contracts.Channel;
import io.langnghe.contracts.Contact;
import io.langnghe.ingest.contact.ContactHasher;
import io.langnghe.ingest.contact.VietnamesePhone;
import io.langnghe.ingest.intake.FeedbackForm;
import io.langnghe.ingest.intake.FeedbackIntake;
import io.langnghe.ingest.intake.IdempotencyConflictException;
import io.langnghe.ingest.intake.IdempotentReplies;
import io.langnghe.ingest.intake.InvalidInputException;
import io.langnghe.ingest.intake.IntakeLimits;
import io.langnghe.ingest.intake.Submission;
import io.langnghe.ingest.limits.RateLimits;
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
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/channels/sms}: the SMS gateway hands over a text a resident sent to the ward's
 * number, and gets back the reply to send (plain ASCII, so it fits one GSM-7 SMS). The gateway
 * proves itself with the shared secret in {@value #SECRET_HEADER}. Fields, as JSON or form-encoded:
 * {@code from} (the sender's number, required), {@code text} (required), {@code messageId} (the
 * gateway's id, required: a retry with it gets the first reply), {@code receivedAt} (ISO-8601,
 * optional), {@code to} (the ward number it was sent to, optional).
 */
@Controller("/api/channels/sms")
@Secured(SecurityRule.IS_ANONYMOUS)
public class SmsController {

    public static final String SECRET_HEADER = "X-Langnghe-Webhook-Secret";

    /** The answer to the gateway: what to text back, and the receipt. */
    public record SmsReply(String reply, String trackingCode, String feedbackId, boolean replayed) {
    }

    private final FeedbackIntake intake;
    private final ContactHasher hasher;
    private final IntakeLimits limits;
    private final RateLimits rateLimits;
    private final OptOuts optOuts;
    private final String secret;

    public SmsController(FeedbackIntake intake, ContactHasher hasher, IntakeLimits limits, RateLimits rateLimits,
                         LangngheSecrets secrets, OptOuts optOuts) {
        this.intake = intake;
        this.optOuts = optOuts;
        this.rateLimits = rateLimits;
        this.hasher = hasher;
        this.limits = limits;
        this.secret = secrets.get("sms-webhook");
    }

    @Post(consumes = {MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED}, produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<SmsReply> receive(@Nullable @Header(SECRET_HEADER) String givenSecret,
                                          @Nullable @Header("Content-Type") String contentType,
                                          @Nullable @Body InputStream stream) {
        if (!Webhooks.sameSecret(givenSecret, secret)) {
            throw new WebhookRefusedException("Thiếu hoặc sai khóa bí mật của cổng SMS.", "Missing or wrong SMS gateway secret.");
        }
        byte[] body = LimitedBody.read(stream, limits.maxBodyBytes());
        boolean json = contentType != null && contentType.startsWith(MediaType.APPLICATION_JSON);
        ObjectNode fields = json ? Webhooks.json(body) : Webhooks.form(body);

        List<FieldError> errors = new ArrayList<>();
        String text = FeedbackForm.optionalText(fields, "text", errors);
        if (errors.isEmpty() && (text == null || text.isEmpty())) {
            errors.add(new FieldError("text", "required", "Tin nhắn không có nội dung.", "The message has no text."));
        } else if (text != null && FeedbackForm.codePoints(text) > limits.maxTextCodePoints()) {
            errors.add(FeedbackForm.tooLong("text", "Nội dung tin nhắn", "The message text", limits.maxTextCodePoints()));
        }
        String from = FeedbackForm.optionalText(fields, "from", errors);
        VietnamesePhone sender = from == null ? null : VietnamesePhone.parse(from).orElse(null);
        if (sender == null) {
            errors.add(new FieldError("from", from == null ? "required" : "invalid_phone",
                    "Số người gửi phải là số điện thoại Việt Nam.", "The sender must be a Vietnamese phone number."));
        }
        String messageId = FeedbackForm.optionalText(fields, "messageId", errors);
        if (messageId == null || !Webhooks.MESSAGE_ID.matcher(messageId).matches()) {
            errors.add(new FieldError("messageId", messageId == null ? "required" : "invalid",
                    "messageId gồm 1 đến 128 ký tự ASCII in được.", "messageId is 1 to 128 printable ASCII characters."));
        }
        Map<String, String> client = new HashMap<>();
        String receivedAt = FeedbackForm.optionalText(fields, "receivedAt", errors);
        if (receivedAt != null && !receivedAt.isEmpty()) {
            try {
                client.put("gatewayReceivedAt", Instant.parse(receivedAt).toString());
            } catch (DateTimeParseException e) {
                errors.add(new FieldError("receivedAt", "invalid_time", "receivedAt cần dạng ISO-8601, ví dụ 2026-11-26T08:30:00Z.",
                        "receivedAt must be ISO-8601, e.g. 2026-11-26T08:30:00Z."));
            }
        }
        String to = FeedbackForm.optionalText(fields, "to", errors);
        if (to != null && !to.isEmpty() && to.length() <= 32) {
            client.put("smsTo", to);
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }

        if (OptOuts.isStop(text)) {
            optOuts.optOut(hasher.hash(sender.e164()), "sms");
            return HttpResponse.accepted().body(new SmsReply("Lang Nghe: phuong se khong nhan tin toi so nay nua.", null, null, false));
        }
        rateLimits.checkPhone(sender);
        Submission submission = new Submission(text, Channel.SMS, null, null, null, sender, false);
        Contact contact = new Contact(null, sender.e164(), sender.masked(), hasher.hash(sender.e164()), false);
        try {
            IdempotentReplies.Outcome outcome = intake.acceptFromSource(submission, contact, null, "sms:" + messageId, client);
            String code = outcome.receipt().trackingCode();
            return HttpResponse.accepted().body(new SmsReply("Lang Nghe: da nhan kien nghi, ma tra cuu " + code,
                    code, outcome.receipt().feedbackId(), !outcome.first()));
        } catch (IdempotencyConflictException e) {
            throw new InvalidInputException(new FieldError("messageId", "reused",
                    "messageId này đã dùng cho một tin nhắn khác.", "This messageId was used for a different message."));
        }
    }
}
