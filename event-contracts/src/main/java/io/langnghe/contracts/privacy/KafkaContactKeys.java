package io.langnghe.contracts.privacy;

import io.langnghe.contracts.Topic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A reader's local copy of the compacted {@code contact.keys.v1}: one thread reads it from the beginning
 * and keeps following it (no consumer group: every instance holds every key); a tombstone drops a key.
 * A key looked up and not found makes the copy catch up to the topic's end as of that moment before it
 * answers, so a key written before its petition is always found, and a lookup never scans anything.
 * A record carrying the very key already held (this instance's own write coming back) is not decoded again.
 */
public final class KafkaContactKeys implements ContactKeys, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaContactKeys.class);
    private static final Duration POLL = Duration.ofMillis(200);

    private final Map<String, ContactKey> keys = new ConcurrentHashMap<>();
    private final Set<String> erased = ConcurrentHashMap.newKeySet();
    private final KafkaConsumer<String, byte[]> consumer;
    private final Deserializer<ContactKey> decoder;
    private final String topic;
    private final Duration patience;
    private final Thread follower;
    private final Object caughtUp = new Object();
    private long requested;
    private long served;
    private volatile boolean running = true;

    /**
     * @param clientConfig bootstrap servers and whatever the deployment's brokers need (security); no group
     * @param patience     how long a lookup may wait for the copy to catch up
     */
    public KafkaContactKeys(Map<String, Object> clientConfig, Topic<String, ContactKey> topic, Duration patience) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "contact-keys");
        // A lookup that misses catches up on its own, so the copy may lag: a fetch per half second or megabyte,
        // not one per key written (every service's copy read back each key as it was written).
        config.putIfAbsent(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 1 << 20);
        config.putIfAbsent(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 500);
        this.consumer = new KafkaConsumer<>(config, topic.keySerde().deserializer(), new ByteArrayDeserializer());
        this.decoder = topic.valueSerde().deserializer();
        this.topic = topic.name();
        this.patience = patience;
        this.follower = new Thread(this::follow, "contact-keys");
        this.follower.setDaemon(true);
        this.follower.start();
    }

    /** Waits until every key written before now is here (at start-up, before serving). */
    public boolean awaitCaughtUp(Duration wait) {
        long ticket;
        synchronized (caughtUp) {
            ticket = ++requested;
        }
        long deadline = System.nanoTime() + wait.toNanos();
        synchronized (caughtUp) {
            while (served < ticket && running) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    caughtUp.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return served >= ticket;
        }
    }

    @Override
    public Optional<ContactKey> find(String keyId) {
        ContactKey key = keys.get(keyId);
        if (key != null || erased.contains(keyId)) {
            return Optional.ofNullable(key);
        }
        awaitCaughtUp(patience);
        return Optional.ofNullable(keys.get(keyId));
    }

    /** Whether this copy has once read the whole topic as it stood (since then it only follows). */
    public boolean caughtUpOnce() {
        synchronized (caughtUp) {
            return served > 0;
        }
    }

    /** What this copy holds now, without waiting: for a writer that only reuses a key it has already seen. */
    public Optional<ContactKey> known(String keyId) {
        return Optional.ofNullable(keys.get(keyId));
    }

    /** A key this instance has just written and Kafka acknowledged: known before it comes back. */
    public void remember(ContactKey key) {
        keys.put(key.keyId(), key);
        erased.remove(key.keyId());
    }

    private void follow() {
        try {
            List<TopicPartition> partitions = partitions();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (running) {
                long ticket;
                synchronized (caughtUp) {
                    ticket = requested;
                }
                if (ticket > served) {
                    readTo(consumer.endOffsets(partitions));
                    synchronized (caughtUp) {
                        served = ticket;
                        caughtUp.notifyAll();
                    }
                } else {
                    apply(consumer.poll(POLL));
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            LOG.error("Contact keys stopped following {}: sealed contacts may read as erased", topic, e);
        } finally {
            running = false;
            synchronized (caughtUp) {
                caughtUp.notifyAll();
            }
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private List<TopicPartition> partitions() {
        while (running) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic);
            if (infos != null && !infos.isEmpty()) {
                return infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            }
            LOG.warn("Topic {} not there yet; waiting for it", topic);
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new WakeupException();
            }
        }
        throw new WakeupException();
    }

    private void readTo(Map<TopicPartition, Long> ends) {
        while (running && ends.entrySet().stream().anyMatch(end -> consumer.position(end.getKey()) < end.getValue())) {
            apply(consumer.poll(POLL));
        }
    }

    private void apply(Iterable<ConsumerRecord<String, byte[]>> records) {
        for (ConsumerRecord<String, byte[]> record : records) {
            if (record.value() == null) {
                keys.remove(record.key());
                erased.add(record.key());
            } else if (!holds(record.key(), record.value())) {
                keys.put(record.key(), decoder.deserialize(topic, record.value()));
                erased.remove(record.key());
            }
        }
    }

    /**
     * Whether the record carries the same algorithm and key material as the key held under its id: the
     * 256-bit key is random, so no other writer's record carries it. Any doubt (another spelling) decodes.
     */
    private boolean holds(String keyId, byte[] value) {
        ContactKey held = keys.get(keyId);
        return held != null
                && contains(value, ("\"key\":\"" + held.key() + "\"").getBytes(StandardCharsets.UTF_8))
                && contains(value, ("\"algorithm\":\"" + held.algorithm() + "\"").getBytes(StandardCharsets.UTF_8));
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            follower.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
