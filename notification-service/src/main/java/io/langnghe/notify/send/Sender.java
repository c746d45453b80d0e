package io.langnghe.notify.send;

import io.langnghe.contracts.Contact;
import io.langnghe.contracts.MessageOutcome;
import io.langnghe.contracts.NotificationRequest;
import io.langnghe.contracts.Topics;
import io.langnghe.contracts.privacy.ContactKeys;
import io.langnghe.contracts.privacy.DisclosedContact;
import io.langnghe.notify.plan.Reach;
import io.langnghe.contracts.kafka.KafkaLogin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Hands each request of {@code notifications.v1} to its channel, at least once and, by its idempotency
 * key, at most once: a key already settled is skipped; after a send the outcome is written (acks=all),
 * and the outcomes of one poll are acknowledged before its offsets are committed (an idle poll commits
 * nothing). A failure is tried again with doubling back-off, then the request goes to
 * {@code notifications.dlq.v1} and the history says "failed". The one window left, a crash between the
 * channel's acceptance and the outcome's acknowledgement (milliseconds, while the next message is on its
 * way), is closed by the channels' own ids (the SMS gateway's {@code RequestId}, ZNS's {@code tracking_id})
 * where the channel has one.
 */
public final class Sender implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(Sender.class);

    /** How often and how patiently a failed send is tried again. */
    public record Retry(int attempts, Duration firstBackoff, Duration maxBackoff) {
    }

    private final Topics topics;
    private final Map<String, ChannelAdapter> channels;
    private final SentKeys sent;
    private final Outbox outbox;
    private final Retry retry;
    private final Clock clock;
    private final KafkaConsumer<String, NotificationRequest> consumer;
    private final KafkaProducer<String, Object> producer;
    private final ContactKeys keys;
    private final List<Future<RecordMetadata>> unacknowledged = new ArrayList<>();
    private volatile boolean running = true;
    private volatile long lag;
    private volatile Instant advancedAt;

    public Sender(String bootstrapServers, KafkaLogin login, String groupId, Topics topics, List<ChannelAdapter> channels, Outbox outbox,
                  Retry retry, Clock clock) {
        this(bootstrapServers, login, groupId, topics, channels, outbox, retry, clock, ContactKeys.NONE);
    }

    /** @param keys the cases' contact keys: a sealed recipient is opened only here, just before sending */
    public Sender(String bootstrapServers, KafkaLogin login, String groupId, Topics topics, List<ChannelAdapter> channels,
                  Outbox outbox, Retry retry, Clock clock, ContactKeys keys) {
        this.keys = keys;
        this.topics = topics;
        this.channels = channels.stream().collect(java.util.stream.Collectors.toMap(ChannelAdapter::channel, c -> c));
        this.sent = new SentKeys(bootstrapServers, login, topics.notificationOutcomes());
        this.outbox = outbox;
        this.retry = retry;
        this.clock = clock;
        this.advancedAt = clock.instant();
        Map<String, Object> consumerProperties = login.clientConfig(bootstrapServers);
        consumerProperties.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        consumerProperties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        consumerProperties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // the planner writes in transactions: read only what it committed
        consumerProperties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumerProperties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "50");
        this.consumer = new KafkaConsumer<>(consumerProperties, topics.notifications().keySerde().deserializer(),
                topics.notifications().valueSerde().deserializer());
        Map<String, Object> producerProperties = login.clientConfig(bootstrapServers);
        producerProperties.put(ProducerConfig.ACKS_CONFIG, "all");
        producerProperties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        // A poll's outcomes go out together when its messages are done (awaitWritten flushes them), in one produce
        // request rather than one each: the messages themselves go out one at a time.
        producerProperties.put(ProducerConfig.LINGER_MS_CONFIG, "1000");
        this.producer = new KafkaProducer<>(producerProperties, new org.apache.kafka.common.serialization.StringSerializer(),
                (topic, value) -> serialize(topic, value));
    }

    @Override
    public void run() {
        try {
            consumer.subscribe(List.of(topics.notifications().name()), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    if (!partitions.isEmpty()) {
                        sent.reload(Duration.ofSeconds(30));
                    }
                }
            });
            while (running) {
                ConsumerRecords<String, NotificationRequest> records = consumer.poll(Duration.ofMillis(500));
                for (ConsumerRecord<String, NotificationRequest> record : records) {
                    if (record.value() != null) {
                        handle(record.key(), record.value());
                    }
                }
                if (!records.isEmpty()) {
                    awaitWritten();
                    consumer.commitSync();
                }
                advancedAt = clock.instant();
                lag = consumer.assignment().stream().mapToLong(p -> consumer.currentLag(p).orElse(0)).sum();
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } finally {
            consumer.close();
            producer.close(Duration.ofSeconds(5));
        }
    }

    /** Records behind the end of {@code notifications.v1}, as of the last poll. */
    public long lag() {
        return lag;
    }

    /** When this sender last committed what it read (or found nothing to read). */
    public Instant advancedAt() {
        return advancedAt;
    }

    /** Stops after the request at hand; what was not committed is read again by the next sender. */
    public void stop() {
        running = false;
        consumer.wakeup();
    }

    void handle(String caseId, NotificationRequest request) {
        if (sent.settled(request.idempotencyKey())) {
            LOG.info("Already settled, not sent again: {}", request.idempotencyKey());
            return;
        }
        ChannelAdapter channel = channels.get(request.channel());
        if (channel == null) {
            record(caseId, request, "suppressed", null, null, "no channel " + request.channel() + " configured");
            return;
        }
        Optional<NotificationRequest> opened = opened(request);
        if (opened.isEmpty()) {
            record(caseId, request, "suppressed", null, null, "the resident's contact was erased");
            return;
        }
        Duration backoff = retry.firstBackoff();
        for (int attempt = 1; ; attempt++) {
            try {
                Delivery delivery = channel.send(opened.get());
                record(caseId, request, delivery.status(), delivery.template(), delivery.gatewayId(), delivery.note());
                if ("sent".equals(delivery.status())) {
                    outbox.append(clock.instant(), opened.get(), "sent");
                }
                return;
            } catch (RuntimeException unexpected) {
                // a bug of the channel must not stop every message behind this one: set it aside with the reason
                LOG.error("Sending {} failed unexpectedly; it goes to the dead-letter topic", request.idempotencyKey(), unexpected);
                setAside(caseId, request, opened.get(), String.valueOf(unexpected), 1);
                return;
            } catch (SendFailure failure) {
                LOG.warn("Sending {} failed (attempt {} of {}): {}", request.idempotencyKey(), attempt, retry.attempts(),
                        failure.getMessage());
                if (!failure.retryable() || attempt >= retry.attempts() || !running) {
                    setAside(caseId, request, opened.get(), failure.getMessage(), attempt);
                    return;
                }
                pause(backoff);
                backoff = backoff.multipliedBy(2).compareTo(retry.maxBackoff()) > 0 ? retry.maxBackoff() : backoff.multipliedBy(2);
            }
        }
    }

    /** The message with its recipient in clear: as written, or opened with its case's key (empty once erased). */
    private Optional<NotificationRequest> opened(NotificationRequest request) {
        if (request.sealedContact() == null) {
            return Optional.of(request);
        }
        DisclosedContact contact = keys.disclose(Contact.none().withSealed(request.sealedContact()), null);
        if (contact.status() != DisclosedContact.Status.OPENED) {
            return Optional.empty();
        }
        String phone = Reach.ZALO.equals(request.channel()) ? contact.details().phone() : null;
        return Reach.recipient(request.channel(), contact.details()).map(recipient -> request.withRecipient(recipient, phone));
    }

    /** To the dead letters, the history saying failed; the outbox (local stack) sees the opened copy. */
    private void setAside(String caseId, NotificationRequest request, NotificationRequest opened, String reason, int attempts) {
        write(topics.notificationsDlq().name(), caseId, request);
        record(caseId, request, "failed", null, null, reason);
        record(caseId, request, "dead_letter", null, null, "after " + attempts + " attempt(s)");
        outbox.append(clock.instant(), opened, "failed");
    }

    private void record(String caseId, NotificationRequest request, String status, String template, String gatewayId, String note) {
        MessageOutcome outcome = new MessageOutcome(MessageOutcome.SCHEMA_VERSION, request.idempotencyKey(), request.caseId(),
                request.event(), request.channel(), template == null ? request.template() : template, status, clock.instant(),
                note, gatewayId);
        write(topics.notificationOutcomes().name(), caseId, outcome);
        if (SentKeys.SETTLED.contains(status)) {
            sent.settle(request.idempotencyKey());
        }
    }

    /**
     * Handed to the producer while the next message goes to its channel; {@link #awaitWritten} sends them and waits
     * for the acknowledgements before the offsets are committed, so nothing settled is forgotten, and the outcomes of
     * one poll share a produce request instead of taking one each.
     */
    private void write(String topic, String key, Object value) {
        unacknowledged.add(producer.send(new ProducerRecord<>(topic, key, value)));
    }

    private void awaitWritten() {
        try {
            producer.flush();
            for (Future<RecordMetadata> write : unacknowledged) {
                write.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing outcomes", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not write an outcome or a dead letter", e.getCause());
        } finally {
            unacknowledged.clear();
        }
    }

    private byte[] serialize(String topic, Object value) {
        if (value instanceof MessageOutcome outcome) {
            return topics.notificationOutcomes().valueSerde().serializer().serialize(topic, outcome);
        }
        return topics.notifications().valueSerde().serializer().serialize(topic, (NotificationRequest) value);
    }

    private void pause(Duration backoff) {
        try {
            Thread.sleep(backoff.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
