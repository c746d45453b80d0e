package io.langnghe.routing.rules;

import io.langnghe.contracts.RoutingRule;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.ProcessorContext;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.query.PositionBound;
import org.apache.kafka.streams.query.Position;
import org.apache.kafka.streams.query.Query;
import org.apache.kafka.streams.query.QueryConfig;
import org.apache.kafka.streams.query.QueryResult;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.ValueAndTimestamp;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The routing rules as they stand now, read from the global table once per change of the table rather than
 * once per petition: the table is held in memory as bytes, so reading it whole deserialised every rule
 * (a dozen JSON records) for every petition. The table's store counts its writes; a petition reuses the
 * rules read at the same count, and reads them again as soon as the count moved, so an administrator's
 * change still applies to every petition read after it.
 */
public final class RulesInForce {

    private final AtomicLong changes = new AtomicLong();

    /** The in-memory store of the global table, counting the writes that change it (restoring included: that is in init). */
    public KeyValueBytesStoreSupplier store(String name) {
        KeyValueBytesStoreSupplier memory = Stores.inMemoryKeyValueStore(name);
        return new KeyValueBytesStoreSupplier() {
            @Override
            public String name() {
                return memory.name();
            }

            @Override
            public KeyValueStore<Bytes, byte[]> get() {
                return new Counted(memory.get());
            }

            @Override
            public String metricsScope() {
                return memory.metricsScope();
            }
        };
    }

    /** The rules of the table as one processor reads them (a processor runs on one thread at a time). */
    public Supplier<List<RoutingRule>> readerOf(ReadOnlyKeyValueStore<String, ValueAndTimestamp<RoutingRule>> table) {
        return new Reader(table);
    }

    /** Every rule of the table, in its key order, read again only when the table changed since the last read. */
    private final class Reader implements Supplier<List<RoutingRule>> {

        private final ReadOnlyKeyValueStore<String, ValueAndTimestamp<RoutingRule>> table;
        private long seen = -1;
        private List<RoutingRule> rules = List.of();

        Reader(ReadOnlyKeyValueStore<String, ValueAndTimestamp<RoutingRule>> table) {
            this.table = table;
        }

        @Override
        public List<RoutingRule> get() {
            // counted before reading: a write during the read moves the count again, and the next petition reads anew
            long now = changes.get();
            if (now != seen) {
                List<RoutingRule> read = new ArrayList<>();
                try (KeyValueIterator<String, ValueAndTimestamp<RoutingRule>> all = table.all()) {
                    all.forEachRemaining(entry -> {
                        if (entry.value != null && entry.value.value() != null) {
                            read.add(entry.value.value());
                        }
                    });
                }
                rules = List.copyOf(read);
                seen = now;
            }
            return rules;
        }
    }

    /** The table's store, each change counted. */
    private final class Counted implements KeyValueStore<Bytes, byte[]> {

        private final KeyValueStore<Bytes, byte[]> inner;

        Counted(KeyValueStore<Bytes, byte[]> inner) {
            this.inner = inner;
        }

        @Override
        public void put(Bytes key, byte[] value) {
            inner.put(key, value);
            changes.incrementAndGet();
        }

        @Override
        public byte[] putIfAbsent(Bytes key, byte[] value) {
            byte[] before = inner.putIfAbsent(key, value);
            changes.incrementAndGet();
            return before;
        }

        @Override
        public void putAll(List<KeyValue<Bytes, byte[]>> entries) {
            inner.putAll(entries);
            changes.incrementAndGet();
        }

        @Override
        public byte[] delete(Bytes key) {
            byte[] before = inner.delete(key);
            changes.incrementAndGet();
            return before;
        }

        @Override
        public String name() {
            return inner.name();
        }

        @Deprecated
        @Override
        public void init(ProcessorContext context, StateStore root) {
            inner.init(context, root);
            changes.incrementAndGet();
        }

        @Override
        public void init(StateStoreContext context, StateStore root) {
            // a global store is restored from its topic within init, without passing through put
            inner.init(context, root);
            changes.incrementAndGet();
        }

        @Override
        public void flush() {
            inner.flush();
        }

        @Override
        public void close() {
            inner.close();
            changes.incrementAndGet();
        }

        @Override
        public boolean persistent() {
            return inner.persistent();
        }

        @Override
        public boolean isOpen() {
            return inner.isOpen();
        }

        @Override
        public <R> QueryResult<R> query(Query<R> query, PositionBound positionBound, QueryConfig config) {
            return inner.query(query, positionBound, config);
        }

        @Override
        public Position getPosition() {
            return inner.getPosition();
        }

        @Override
        public byte[] get(Bytes key) {
            return inner.get(key);
        }

        @Override
        public KeyValueIterator<Bytes, byte[]> range(Bytes from, Bytes to) {
            return inner.range(from, to);
        }

        @Override
        public KeyValueIterator<Bytes, byte[]> reverseRange(Bytes from, Bytes to) {
            return inner.reverseRange(from, to);
        }

        @Override
        public KeyValueIterator<Bytes, byte[]> all() {
            return inner.all();
        }

        @Override
        public KeyValueIterator<Bytes, byte[]> reverseAll() {
            return inner.reverseAll();
        }

        @Override
        public <PS extends org.apache.kafka.common.serialization.Serializer<P>, P> KeyValueIterator<Bytes, byte[]> prefixScan(
                P prefix, PS prefixKeySerializer) {
            return inner.prefixScan(prefix, prefixKeySerializer);
        }

        @Override
        public long approximateNumEntries() {
            return inner.approximateNumEntries();
        }
    }
}
