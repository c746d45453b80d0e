package io.langnghe.routing.cases;

import io.langnghe.contracts.CaseState;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The upgrade from the version that kept each case in the task of its case id ({@value #STORE}) to the task of its
 * ward ({@link CaseKeeper#STORE}). A case still in the old store crosses to its ward just before the next petition
 * or command on it, and the rest cross a batch each second, so the old store empties within minutes and the ward's
 * task never decides on a case it has not been given. Once a batch finds the store empty, nothing is read from it.
 */
public final class MoveToWard implements Processor<String, WardInput, String, WardInput> {

    /** The case store of the previous version, by case id: read and emptied, never written. */
    public static final String STORE = "cases";
    static final int PER_SECOND = 1_000;

    private ProcessorContext<String, WardInput> context;
    private KeyValueStore<String, CaseState> before;
    private boolean empty;

    @Override
    public void init(ProcessorContext<String, WardInput> context) {
        this.context = context;
        this.before = context.getStateStore(STORE);
        this.empty = false;
        context.schedule(Duration.ofSeconds(1), PunctuationType.WALL_CLOCK_TIME, now -> moveSome());
    }

    @Override
    public void process(Record<String, WardInput> record) {
        if (!empty) {
            // a get first: a delete writes a tombstone to the changelog even for a key that is not there
            CaseState kept = before.get(record.key());
            if (kept != null) {
                before.delete(record.key());
                context.forward(record.withValue(WardInput.moved(kept)));
            }
        }
        context.forward(record);
    }

    private void moveSome() {
        if (empty) {
            return;
        }
        List<KeyValue<String, CaseState>> batch = new ArrayList<>();
        try (KeyValueIterator<String, CaseState> all = before.all()) {
            while (all.hasNext() && batch.size() < PER_SECOND) {
                batch.add(all.next());
            }
        }
        empty = batch.isEmpty();
        // stamped with stream time, not the wall clock: the ward's hourly sweep runs on stream time
        long at = Math.max(0, context.currentStreamTimeMs());
        for (KeyValue<String, CaseState> kept : batch) {
            before.delete(kept.key);
            context.forward(new Record<>(kept.key, WardInput.moved(kept.value), at));
        }
    }
}
