package io.langnghe.ingest.intake;

import io.langnghe.contracts.Channel;
import io.langnghe.contracts.Contact;
import io.langnghe.contracts.FeedbackReceived;
import io.langnghe.ingest.contact.ContactHasher;
import io.langnghe.ingest.tracking.TrackingCode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

/**
 * Turns a validated submission into a {@link FeedbackReceived} event and gets Kafka to acknowledge it
 * before anyone is told it was received. Retries carrying the same Idempotency-Key get the first
 * receipt back and send nothing.
 */
@Singleton
public class FeedbackIntake {

    private static final Logger LOG = LoggerFactory.getLogger(FeedbackIntake.class);

    private final FeedbackPublisher publisher;
    private final IdempotentReplies replies;
    private final ContactHasher contactHasher;
    private final MeterRegistry meters;
    private final Clock clock;

    public FeedbackIntake(FeedbackPublisher publisher, IdempotentReplies replies, ContactHasher contactHasher,
                          MeterRegistry meters) {
        this.publisher = publisher;
        this.replies = replies;
        this.contactHasher = contactHasher;
        this.meters = meters;
        this.clock = Clock.systemUTC();
        // Registered up front so the series exist at zero before the first petition of each channel.
        FeedbackForm.CHANNELS.forEach(this::accepted);
    }

    /**
     * @param idempotencyKey the client's Idempotency-Key, or null
     * @param client         channel metadata (never personal data)
     */
    public IdempotentReplies.Outcome accept(Submission submission, String idempotencyKey, Map<String, String> client) {
        if (idempotencyKey == null) {
            return new IdempotentReplies.Outcome(send(submission, null, client), true);
        }
        return replies.once(idempotencyKey, fingerprint(submission), () -> send(submission, idempotencyKey, client));
    }

    private Receipt send(Submission submission, String idempotencyKey, Map<String, String> client) {
        String feedbackId = UUID.randomUUID().toString();
        String trackingCode = TrackingCode.generate().display();
        Instant receivedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        FeedbackReceived event = new FeedbackReceived(
                FeedbackReceived.SCHEMA_VERSION,
                feedbackId,
                trackingCode,
                submission.channel(),
                receivedAt,
                submission.text(),
                submission.area(),
                submission.address(),
                contact(submission),
                null,
                null,
                // Without a client key the feedback id is the key: every event carries one to deduplicate by.
                idempotencyKey != null ? idempotencyKey : feedbackId,
                Map.copyOf(client));
        publisher.publish(event);
        accepted(submission.channel()).increment();
        LOG.info("Accepted petition {} ({}) channel={} area={}", feedbackId, trackingCode,
                submission.channel().code(), submission.area());
        return Receipt.received(feedbackId, trackingCode, receivedAt);
    }

    private Contact contact(Submission submission) {
        if (submission.phone() == null) {
            return new Contact(submission.name(), null, null, null, submission.consentToContact());
        }
        String e164 = submission.phone().e164();
        return new Contact(submission.name(), e164, submission.phone().masked(), contactHasher.hash(e164),
                submission.consentToContact());
    }

    private Counter accepted(Channel channel) {
        return Counter.builder("langnghe.feedback.accepted")
                .description("Petitions acknowledged by Kafka and answered 202, by channel")
                .tag("channel", channel.code())
                .register(meters);
    }

    /** Tells a retry of the same petition from a different petition sent with a reused key. */
    private static String fingerprint(Submission submission) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(submission.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
