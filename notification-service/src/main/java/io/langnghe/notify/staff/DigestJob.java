package io.langnghe.notify.staff;

import io.langnghe.contracts.NotificationRequest;
import io.langnghe.contracts.Topic;
import io.langnghe.contracts.kafka.KafkaLogin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * Once a morning, at {@code digestAt} local time or at the first look after it, the departments'
 * digests go to {@code notifications.v1} for the sender. A restart the same morning makes them again;
 * their keys (department, day, recipient) keep the sender from mailing twice.
 */
public final class DigestJob implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DigestJob.class);
    /**
     * How long reading every open case may take. Generous: a look that gives up is tried again a minute
     * later from the beginning, so a bound a large ward cannot meet would read all morning and mail nobody.
     */
    private static final Duration READ_WITHIN = Duration.ofMinutes(5);

    private final MorningDigest digest;
    private final OpenCases openCases;
    private final Topic<String, NotificationRequest> notifications;
    private final KafkaProducer<String, NotificationRequest> producer;
    private final Clock clock;
    private final ZoneId zone;
    private final LocalTime digestAt;
    private LocalDate lastDay;

    public DigestJob(MorningDigest digest, OpenCases openCases, String bootstrapServers, KafkaLogin login, Topic<String, NotificationRequest> notifications,
                     Clock clock, ZoneId zone, LocalTime digestAt) {
        this.digest = digest;
        this.openCases = openCases;
        this.notifications = notifications;
        this.clock = clock;
        this.zone = zone;
        this.digestAt = digestAt;
        Map<String, Object> properties = login.clientConfig(bootstrapServers);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        this.producer = new KafkaProducer<>(properties, notifications.keySerde().serializer(), notifications.valueSerde().serializer());
    }

    /** The digests made now, or none when it is not yet time or they were made today. */
    public synchronized List<NotificationRequest> runIfDue() {
        ZonedDateTime local = clock.instant().atZone(zone);
        LocalDate today = local.toLocalDate();
        if (local.toLocalTime().isBefore(digestAt) || today.equals(lastDay)) {
            return List.of();
        }
        long start = System.nanoTime();
        Collection<OpenCase> open = openCases.read(READ_WITHIN);
        List<NotificationRequest> mails = digest.of(open, today, clock.instant());
        for (NotificationRequest mail : mails) {
            try {
                producer.send(new ProducerRecord<>(notifications.name(), mail.caseId(), mail)).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while handing over the digests", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("Could not hand over the digests", e.getCause());
            }
        }
        lastDay = today;
        LOG.info("Morning digest of {}: {} mails from {} open cases, read in {} ms", today, mails.size(), open.size(),
                (System.nanoTime() - start) / 1_000_000);
        return mails;
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
