package io.langnghe.ingest.intake;

import io.langnghe.ingest.contact.ContactSealer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fresh petition identities whose contact keys Kafka has already stored. A petition that takes one is
 * sealed under a stored key and sent at once: one write and one acknowledgement on its way to 202 instead
 * of two in turn, and still no petition stored whose key is not. The keys are written in a batch when half
 * are used, so at any rate a few produce requests carry them. A key never used seals nothing; those left at
 * a clean stop are tombstoned. With {@code langnghe.intake.keys-ahead} 0, each petition writes its own.
 */
@Singleton
public class ReadyIdentities implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReadyIdentities.class);

    private final ContactSealer sealer;
    private final int capacity;
    private final Queue<PetitionIdentity> ready = new ConcurrentLinkedQueue<>();
    // ConcurrentLinkedQueue counts by walking itself
    private final AtomicInteger count = new AtomicInteger();
    private final AtomicBoolean refilling = new AtomicBoolean();
    private volatile boolean closed;

    public ReadyIdentities(ContactSealer sealer, @Value("${langnghe.intake.keys-ahead:32}") int capacity, MeterRegistry meters) {
        if (capacity < 0) {
            throw new IllegalArgumentException("langnghe.intake.keys-ahead must be 0 or more, got " + capacity);
        }
        this.sealer = sealer;
        this.capacity = capacity;
        Gauge.builder("langnghe.contact.keys.ahead", count, AtomicInteger::get)
                .description("Fresh petition identities whose contact keys are stored ahead, ready to be taken")
                .register(meters);
    }

    /** An identity whose key is stored, or a fresh one whose petition writes its own key (none ready yet). */
    PetitionIdentity take() {
        PetitionIdentity taken = ready.poll();
        if (taken != null) {
            count.decrementAndGet();
        }
        if (count.get() <= capacity / 2 && !closed && refilling.compareAndSet(false, true)) {
            refill();
        }
        return taken != null ? taken : PetitionIdentity.fresh();
    }

    private void refill() {
        int wanted = capacity - count.get();
        AtomicInteger outstanding = new AtomicInteger(wanted);
        AtomicBoolean told = new AtomicBoolean();
        for (int i = 0; i < wanted; i++) {
            PetitionIdentity identity = PetitionIdentity.fresh();
            // one failed key loses only its identity: the others still come in, and the next take refills
            sealer.storeAhead(identity.feedbackId()).whenComplete((stored, failed) -> {
                if (failed == null) {
                    ready.add(identity);
                    count.incrementAndGet();
                } else if (told.compareAndSet(false, true)) {
                    LOG.warn("Contact keys could not be stored ahead; petitions write their own meanwhile: {}", failed.getMessage());
                }
                if (outstanding.decrementAndGet() == 0) {
                    refilling.set(false);
                }
            });
        }
        if (wanted <= 0) {
            refilling.set(false);
        }
    }

    @PreDestroy
    @Override
    public void close() {
        closed = true;
        List<String> unused = new ArrayList<>();
        for (PetitionIdentity identity; (identity = ready.poll()) != null; ) {
            unused.add(identity.feedbackId());
        }
        count.set(0);
        try {
            sealer.forget(unused);
        } catch (RuntimeException e) {
            // a key that seals nothing is harmless; this only keeps the compacted topic tidy
            LOG.warn("{} unused contact keys were left on the topic: {}", unused.size(), e.getMessage());
        }
    }
}
