package io.langnghe.routing.warning;

import io.langnghe.contracts.Category;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The look-alike index keeps each area's sketches side by side in one array, shifted as cases come and go out of
 * order: whatever the order, a report must find every open case alike enough that the store holds, after a restart
 * too, and nothing the store no longer holds. Checked against the store's own entries compared one by one.
 */
class LookalikesTest {

    private static final String AREA = "tdp-3";
    private static final double AT_LEAST = WarningSettings.loadDefault().clusters().similarity();
    private static final Instant MONDAY = Instant.parse("2026-03-02T01:00:00Z");

    private final Random random = new Random(13);
    private KeyValueStore<String, byte[]> store;
    private List<Fingerprint> texts;
    /** What the store should hold, by key. */
    private final Map<String, Lookalike> held = new TreeMap<>();

    @BeforeEach
    void openStore() throws IOException {
        store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("lookalikes"), Serdes.String(), Serdes.ByteArray())
                .withLoggingDisabled().build();
        store.init(new MockProcessorContext<>().getStateStoreContext(), store);
        texts = FingerprintSketchTest.texts().subList(0, 400);
    }

    @Test
    void findsEveryCaseAlikeEnoughWhateverTheOrderCasesCameAndWent() {
        Lookalikes index = new Lookalikes(store);
        // received out of order, so most entries go between others; some put again with other words, some deleted
        for (int i = 0; i < 300; i++) {
            put(index, AREA, "case-" + i, MONDAY.plusSeconds(random.nextInt(86_400)), texts.get(i));
            put(index, "tdp-4", "other-" + i, MONDAY.plusSeconds(random.nextInt(86_400)), texts.get(i));
        }
        List<String> keys = new ArrayList<>(held.keySet());
        for (int i = 0; i < 40; i++) {
            String key = keys.get(random.nextInt(keys.size()));
            Lookalike before = held.get(key);
            if (before != null) {
                put(index, key, new Lookalike(before.caseId(), Category.MOI_TRUONG, texts.get(300 + i)));
            }
        }
        for (int i = 0; i < 60; i++) {
            String key = keys.get(random.nextInt(keys.size()));
            assertThat(index.delete(key)).isEqualTo(held.remove(key));
        }

        assertFindsWhatTheStoreHolds(index);
        assertFindsWhatTheStoreHolds(new Lookalikes(store));
    }

    @Test
    void agesOutWhatWasReceivedBeforeATimeAndKeepsTheRest() {
        Lookalikes index = new Lookalikes(store);
        for (int i = 0; i < 300; i++) {
            put(index, AREA, "case-" + i, MONDAY.plusSeconds(random.nextInt(86_400)), texts.get(i));
        }
        // at noon about half, then most of the rest: the area's room shrinks as they go
        for (Instant sweep : List.of(MONDAY.plusSeconds(43_200), MONDAY.plusSeconds(75_600))) {
            List<String> before = held.keySet().stream().filter(k -> k.compareTo(Lookalike.from(AREA, sweep)) < 0).toList();

            List<Lookalike> aged = index.deleteReceivedBefore(AREA, sweep);

            assertThat(aged).as("oldest first").containsExactlyElementsOf(before.stream().map(held::get).toList());
            assertThat(before).isNotEmpty().allSatisfy(key -> assertThat(store.get(key)).isNull());
            before.forEach(held::remove);
            assertFindsWhatTheStoreHolds(index);
        }
        assertThat(held).hasSizeBetween(10, 100);
    }

    @Test
    void comparesOnlyTheNewestOfAnArea() {
        Lookalikes index = new Lookalikes(store);
        Fingerprint drain = Fingerprint.of("Cống thoát nước ngõ 45 bị tắc, nước bẩn tràn ra đường");
        for (int i = 0; i < 10; i++) {
            put(index, AREA, "drain-" + i, MONDAY.plusSeconds(60L * i), drain);
        }

        List<Lookalike> found = index.mayBeAlike(AREA, MONDAY, 4, drain, AT_LEAST);

        assertThat(found).extracting(Lookalike::caseId).containsExactly("drain-9", "drain-8", "drain-7", "drain-6");
    }

    private void assertFindsWhatTheStoreHolds(Lookalikes index) {
        for (Fingerprint report : texts) {
            List<Lookalike> found = index.mayBeAlike(AREA, MONDAY, Integer.MAX_VALUE, report, AT_LEAST);
            List<String> alike = new ArrayList<>();
            for (Map.Entry<String, Lookalike> e : held.entrySet()) {
                if (e.getKey().startsWith(AREA + "|") && report.similarity(e.getValue().fingerprint()) >= AT_LEAST) {
                    alike.add(e.getValue().caseId());
                }
            }
            assertThat(found).extracting(Lookalike::caseId).containsAll(alike)
                    .allSatisfy(id -> assertThat(held.values()).extracting(Lookalike::caseId).contains(id));
        }
        assertThat(held.keySet()).allSatisfy(key -> assertThat(store.get(key)).isNotNull());
    }

    private void put(Lookalikes index, String area, String caseId, Instant receivedAt, Fingerprint text) {
        put(index, Lookalike.key(area, receivedAt, caseId), new Lookalike(caseId, Category.MOI_TRUONG, text));
    }

    private void put(Lookalikes index, String key, Lookalike lookalike) {
        index.put(key, lookalike);
        held.put(key, lookalike);
    }
}
