package io.langnghe.routing.cases;

import io.langnghe.contracts.CaseStatus;
import io.langnghe.contracts.HistoryEntry;
import io.langnghe.contracts.JsonSerde;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class WrittenOnceTest {

    final JsonSerde<HistoryEntry> json = new JsonSerde<>(HistoryEntry.class);
    final Serializer<HistoryEntry> serializer = new WrittenOnce<>(json).serializer();
    final HistoryEntry line = new HistoryEntry(2, Instant.parse("2026-10-05T02:00:00Z"), "canbo", "acknowledge", CaseStatus.ACKNOWLEDGED, null);

    @Test
    void theObjectJustWrittenIsGivenTheSameBytesAgain() {
        byte[] stored = serializer.serialize("cases", line);
        assertThat(serializer.serialize("cases.v1", line)).isSameAs(stored);
        assertThat(stored).isEqualTo(json.serializer().serialize("cases", line));
    }

    @Test
    void anotherObjectIsWrittenAfreshEvenWhenEqual() {
        byte[] first = serializer.serialize("cases", line);
        HistoryEntry next = line.withCommandId("c-1");
        assertThat(serializer.serialize("cases", next)).isEqualTo(json.serializer().serialize("cases", next));
        HistoryEntry equal = new HistoryEntry(line.version(), line.at(), line.actor(), line.action(), line.status(), line.note());
        byte[] again = serializer.serialize("cases", equal);
        assertThat(again).isEqualTo(first).isNotSameAs(first);
        assertThat(serializer.serialize("cases", null)).isNull();
    }
}
