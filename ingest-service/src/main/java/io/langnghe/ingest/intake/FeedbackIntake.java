package io.langnghe.ingest.intake;

import io.langnghe.contracts.Category;
import io.langnghe.contracts.Channel;
import io.langnghe.contracts.Contact;
import io.langnghe.contracts.FeedbackReceived;
import io.langnghe.contracts.FeedbackReceived.PhotoRef;
import io.langnghe.ingest.contact.ContactHasher;
import io.langnghe.ingest.contact.ContactSealer;
import io.langnghe.ingest.contact.OwnContactInText;
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
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Turns a validated submission into a {@link FeedbackReceived} event and gets Kafka to acknowledge it
 * before anyone is told it was received. Retries carrying the same Idempotency-Key get the first
 * receipt back and send nothing.
 */
@Singleton
public class FeedbackIntake {

    private static final Logger LOG = LoggerFactory.getLogger(FeedbackIntake.class);

    private final FeedbackPublisher publisher;
    private final IntakeProducer producer;
    private final IdempotentReplies replies;
    private final ContactHasher contactHasher;
    private final ContactSealer sealer;
    private final Map<Channel, Counter> acceptedByChannel = new EnumMap<>(Channel.class);
    private final Clock clock;

    public FeedbackIntake(FeedbackPublisher publisher, IdempotentReplies replies, ContactHasher contactHasher,
                          ContactSealer sealer, MeterRegistry meters, IntakeProducer producer) {
        this.publisher = publisher;
        this.producer = producer;
        this.replies = replies;
        this.contactHasher = contactHasher;
        this.sealer = sealer;
        this.clock = Clock.systemUTC();
        // Registered up front, so the series exist at zero before the first petition of each channel and a
        // petition counts itself without looking its meter up.
        for (Channel channel : Channel.values()) {
            acceptedByChannel.put(channel, Counter.builder("langnghe.feedback.accepted")
                    .description("Petitions acknowledged by Kafka and answered 202, by channel")
                    .tag("channel", channel.code())
                    .register(meters));
        }
    }

    /**
     * @param idempotencyKey the client's Idempotency-Key, or null
     * @param client         channel metadata (never personal data)
     */
    public IdempotentReplies.Outcome accept(Submission submission, String idempotencyKey, Map<String, String> client) {
        return accept(submission, idempotencyKey, client, List.of());
    }

    /** @param photos references of photos already in the blob store */
    public IdempotentReplies.Outcome accept(Submission submission, String idempotencyKey, Map<String, String> client,
                                            List<PhotoRef> photos) {
        return accept(submission, idempotencyKey, client, new Extras(photos, null, null));
    }

    /** @param extras photo references or a requested category the channel adds */
    public IdempotentReplies.Outcome accept(Submission submission, String idempotencyKey, Map<String, String> client,
                                            Extras extras) {
        Contact contact = contact(submission);
        if (idempotencyKey == null) {
            return new IdempotentReplies.Outcome(send(submission, contact, null, null, null, client, extras), true);
        }
        // Client keys and source keys live apart: a client cannot replay a meeting row by guessing its key.
        // The identity is the key and the petition together: a retry whose first answer was lost (Kafka
        // stored it, the 202 never arrived) on another instance or after a restart files the same case
        // id, which routing-streams opens once; a key reused for another petition cannot swallow it.
        String fingerprint = fingerprint(submission) + extras;
        return replies.once("client:" + idempotencyKey, fingerprint,
                () -> send(submission, contact, null, idempotencyKey, "client:" + idempotencyKey + ":" + fingerprint, client, extras));
    }

    /**
     * As {@link #accept(Submission, String, Map, List)}, without parking a thread while Kafka answers: completes
     * with the receipt once Kafka has acknowledged the petition, or with the exception {@code accept} throws.
     *
     * @param resumeOn where the work after each acknowledgement runs (the request's event loop), so that
     *                 the producer's one network thread only hands acknowledgements over
     */
    public CompletableFuture<IdempotentReplies.Outcome> acceptAsync(Submission submission, String idempotencyKey,
                                                                    Map<String, String> client, List<PhotoRef> photos,
                                                                    Executor resumeOn) {
        Extras extras = new Extras(photos, null, null);
        Contact contact = contact(submission);
        if (idempotencyKey == null) {
            return sendAsync(submission, contact, null, null, null, client, extras, resumeOn)
                    .thenApply(receipt -> new IdempotentReplies.Outcome(receipt, true));
        }
        String fingerprint = fingerprint(submission) + extras;
        return replies.onceAsync("client:" + idempotencyKey, fingerprint,
                () -> sendAsync(submission, contact, null, idempotencyKey, "client:" + idempotencyKey + ":" + fingerprint, client,
                        extras, resumeOn));
    }

    /**
     * A petition that already has a stable identity at its source (a meeting row, an SMS or Zalo
     * message id). Its feedback id and tracking code are derived from that identity, so a resend gets
     * the first receipt back, from memory or, after a restart, recomputed (downstream then drops the
     * second record by its idempotency key).
     *
     * @param sourceKey e.g. "batch:b-1a2b.../7" or "sms:gw-123": unique across channels
     * @param contact   how to reach the sender, already minimised
     * @param batchId   the meeting batch, or null
     */
    public IdempotentReplies.Outcome acceptFromSource(Submission submission, Contact contact, String batchId, String sourceKey,
                                                      Map<String, String> client) {
        return acceptFromSource(submission, contact, batchId, sourceKey, client, Extras.NONE);
    }

    /** As above, with the meeting of a batch or the category an Open311 client asked for. */
    public IdempotentReplies.Outcome acceptFromSource(Submission submission, Contact contact, String batchId, String sourceKey,
                                                      Map<String, String> client, Extras extras) {
        return replies.once("source:" + sourceKey, fingerprint(submission),
                () -> send(submission, contact, batchId, sourceKey, sourceKey, client, extras));
    }

    /** What some channels add to a petition: photo references, the meeting of a batch, a requested category. */
    public record Extras(List<PhotoRef> photos, FeedbackReceived.Meeting meeting, Category requestedCategory) {
        public static final Extras NONE = new Extras(List.of(), null, null);

        public static Extras meeting(FeedbackReceived.Meeting meeting) {
            return new Extras(List.of(), meeting, null);
        }

        public static Extras requestedCategory(Category category) {
            return new Extras(List.of(), null, category);
        }
    }

    private Receipt send(Submission submission, Contact contact, String batchId, String idempotencyKey, String identity,
                         Map<String, String> client, Extras extras) {
        return producer.await(sendAsync(submission, contact, batchId, idempotencyKey, identity, client, extras, Runnable::run));
    }

    /** @param identity what the feedback id and tracking code are derived from, or null for fresh random ones */
    private CompletableFuture<Receipt> sendAsync(Submission submission, Contact contact, String batchId, String idempotencyKey,
                                                 String identity, Map<String, String> client, Extras extras, Executor resumeOn) {
        PetitionIdentity ids = identity != null ? PetitionIdentity.derived(identity, contactHasher) : PetitionIdentity.fresh();
        String feedbackId = ids.feedbackId();
        String trackingCode = ids.trackingCode().display();
        Instant receivedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        // The case id is the feedback id: the contact and the address travel sealed under that case's key.
        return resumed(sealer.sealAsync(feedbackId, contact, submission.address()), resumeOn)
                .thenCompose(sealed -> publisher.publishAsync(new FeedbackReceived(
                        FeedbackReceived.SCHEMA_VERSION,
                        feedbackId,
                        trackingCode,
                        submission.channel(),
                        receivedAt,
                        OwnContactInText.mask(submission.text(), contact),
                        submission.area(),
                        null,
                        sealed,
                        batchId,
                        submission.caseRef(),
                        // Without a client key the feedback id is the key: every event carries one to deduplicate by.
                        idempotencyKey != null ? idempotencyKey : feedbackId,
                        Map.copyOf(client),
                        extras.photos(),
                        extras.meeting(),
                        extras.requestedCategory())))
                .thenApplyAsync(acknowledged -> {
                    acceptedByChannel.get(submission.channel()).increment();
                    // a line per petition is for debugging only: the counter above is the record (and the code is the resident's secret)
                    if (LOG.isDebugEnabled()) {
                        LOG.debug("Accepted petition {} channel={} area={} batch={}", feedbackId, submission.channel(), submission.area(), batchId);
                    }
                    return Receipt.received(feedbackId, trackingCode, receivedAt);
                }, resumeOn);
    }

    /** The same result, continued on {@code executor} when it is not there yet (no hop for what is already done). */
    private static <T> CompletableFuture<T> resumed(CompletableFuture<T> future, Executor executor) {
        return future.isDone() ? future : future.thenApplyAsync(value -> value, executor);
    }

    /** The contact a form gives: the phone in E.164 for the assigned department, masked and hashed for everyone else. */
    public Contact contact(Submission submission) {
        if (submission.phone() == null) {
            return new Contact(submission.name(), null, null, null, submission.consentToContact());
        }
        String e164 = submission.phone().e164();
        return new Contact(submission.name(), e164, submission.phone().masked(), contactHasher.hash(e164),
                submission.consentToContact());
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
