package io.langnghe.contracts;

import org.apache.kafka.common.serialization.Serde;

/**
 * A topic with the types of its keys and values.
 *
 * @param compacted keep only the latest value per key
 * @param keptForever never delete by age (a history that officers read back to the first line)
 */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde, boolean compacted, boolean keptForever) {

    public Topic(String name, Serde<K> keySerde, Serde<V> valueSerde, boolean compacted) {
        this(name, keySerde, valueSerde, compacted, false);
    }
}
