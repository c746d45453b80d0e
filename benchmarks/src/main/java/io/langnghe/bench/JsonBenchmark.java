package io.langnghe.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.langnghe.contracts.CaseState;
import io.langnghe.contracts.CaseStatus;
import io.langnghe.contracts.Channel;
import io.langnghe.contracts.Contact;
import io.langnghe.contracts.FeedbackReceived;
import io.langnghe.contracts.HistoryEntry;
import io.langnghe.contracts.Json;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Microseconds per round trip (write then read back) of the two events every service handles most: a case
 * with its bounded history (every field of {@code cases.v1} set) and a petition as received. {@code mapper}
 * {@code events} is {@link Json#mapper()}, what the services use; {@code plain} is the same conventions on a
 * bare mapper ({@link Json#configure}), the yardstick for whatever {@code mapper()} adds on top.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
public class JsonBenchmark {

    @Param({"events", "plain"})
    public String mapper;

    private ObjectMapper json;
    private CaseState kase;
    private FeedbackReceived petition;

    @Setup
    public void read() {
        json = "events".equals(mapper) ? Json.mapper() : Json.configure(new ObjectMapper());
        kase = withLongerHistory(fixtureCase());
        Instant at = Instant.parse("2026-03-02T01:14:55Z");
        Contact contact = new Contact("Nguyễn Văn An", "+84901234567", "+84 90x xxx x67", "hash-abc", true, null, null, null);
        petition = new FeedbackReceived(FeedbackReceived.SCHEMA_VERSION, "fb-7f3a", "K7MX-Q2PA-9C", Channel.WEB, at,
                "Đèn đường trước nhà số 12 ngõ 5 tổ dân phố 7 bị hỏng ba hôm nay, buổi tối rất tối, trẻ con đi học về nguy hiểm.",
                "tdp-07", "số 12 ngõ 5, TDP7 Rừng Thông", contact, null, null, "idem-5c1e",
                Map.of("userAgent", "Mozilla/5.0 (Linux; Android 14)", "ip", "hashed"),
                List.of(new FeedbackReceived.PhotoRef("sha256:aa11", "image/jpeg", 120_345, false)), null, null);
    }

    @Benchmark
    public CaseState caseStateRoundTrip() throws IOException {
        return json.readValue(json.writeValueAsBytes(kase), CaseState.class);
    }

    @Benchmark
    public FeedbackReceived feedbackReceivedRoundTrip() throws IOException {
        return json.readValue(json.writeValueAsBytes(petition), FeedbackReceived.class);
    }

    private CaseState fixtureCase() {
        try (InputStream in = JsonBenchmark.class.getResourceAsStream("/json/case-state.json")) {
            if (in == null) {
                throw new IllegalStateException("json/case-state.json is not on the classpath");
            }
            return json.readValue(in, CaseState.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // a case a while into its life: the three lines of the fixture, then deadline marks and reminders
    private static CaseState withLongerHistory(CaseState c) {
        CaseState longer = c;
        for (int i = 0; i < 5; i++) {
            HistoryEntry last = longer.history().get(longer.history().size() - 1);
            longer = longer.withLine(new HistoryEntry(last.version() + 1, last.at().plus(Duration.ofHours(6)),
                    "system", "deadline_mark", CaseStatus.ANSWERED, "sắp đến hạn / due soon", "cmd-" + i));
        }
        return longer;
    }
}
