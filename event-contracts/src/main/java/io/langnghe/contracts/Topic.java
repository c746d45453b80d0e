package io.langnghe.contracts;

import org.apache.kafka.common.serialization.Serde;

/**
 * A topic with the types of its keys and values.
 *
 * @param compacted keep only the latest value per key
 */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde, boolean compacted) {
}
