package io.langnghe.contracts;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The events' mapper reads every timestamp as Jackson's own reading does, and refuses what it refuses. */
class UtcInstantsTest {

    private static final ObjectMapper JACKSONS = Json.configure(new ObjectMapper());

    @Test
    void readsTimestampsOfEveryPrecisionAsJacksonDoes() throws Exception {
        SplittableRandom random = new SplittableRandom(10);
        List<String> written = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            Instant at = Instant.ofEpochSecond(random.nextLong(-62_000_000_000L, 250_000_000_000L), random.nextInt(1_000_000_000));
            String whole = at.toString().substring(0, at.toString().indexOf('.') < 0 ? at.toString().length() - 1 : at.toString().indexOf('.'));
            String nanos = String.format("%09d", at.getNano()).substring(0, 1 + random.nextInt(9));
            written.add(at.toString());
            written.add(whole + "Z");
            written.add(whole + "." + nanos + "Z");
        }
        written.addAll(List.of("2024-02-29T23:59:59Z", "1970-01-01T00:00:00Z", "0000-01-01T00:00:00Z", "2026-03-02T01:15:00.1Z"));

        for (String at : written) {
            assertThat(read(Json.mapper(), at)).as(at).isEqualTo(read(JACKSONS, at));
        }
    }

    @Test
    void whatIsNotAPlainUtcTimestampIsReadOrRefusedAsBefore() throws Exception {
        List<String> others = List.of("\"2026-03-02T08:15:00+07:00\"", "\"2026-03-02T01:15:00z\"", "\"2026-02-30T01:15:00Z\"",
                "\"2026-03-02T24:00:00Z\"", "\"2026-03-02T01:15:60Z\"", "\"2026-03-02T01:15:00.Z\"", "\"2026-03-02 01:15:00Z\"",
                "\"+12026-03-02T01:15:00Z\"", "\"2026-03-02T01:15:00.1234567890Z\"", "\"2026-0a-02T01:15:00Z\"", "\"\"",
                "1772414100", "1772414100.5", "null");

        for (String json : others) {
            assertThat(outcome(Json.mapper(), json)).as(json).isEqualTo(outcome(JACKSONS, json));
        }
        assertThat(outcome(Json.mapper(), "\"2026-02-30T01:15:00Z\"")).startsWith("refused");
    }

    private static Instant read(ObjectMapper mapper, String at) throws Exception {
        return mapper.readValue("\"" + at + "\"", Instant.class);
    }

    private static String outcome(ObjectMapper mapper, String json) {
        try {
            return "read " + mapper.readValue(json, Instant.class);
        } catch (Exception e) {
            return "refused " + e.getClass().getSimpleName();
        }
    }
}
