package io.langnghe.search.queue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class DeadlineTest {

    private static final Instant NOW = Instant.parse("2025-07-10T03:00:00Z");

    @ParameterizedTest(name = "due in {0} → {1} / {2}")
    @CsvSource(delimiter = '|', textBlock = """
            P2DT5H     | còn 2 ngày            | 2 days left         | false
            P1DT23H    | còn 1 ngày            | 1 day left          | false
            PT23H59M   | còn 23 giờ            | 23 hours left       | false
            PT1H       | còn 1 giờ             | 1 hour left         | false
            PT45M      | còn 45 phút           | 45 minutes left     | false
            PT30S      | đến hạn ngay bây giờ  | due now             | false
            -PT30S     | đến hạn ngay bây giờ  | due now             | true
            -PT3H10M   | quá hạn 3 giờ         | 3 hours overdue     | true
            -PT1M      | quá hạn 1 phút        | 1 minute overdue    | true
            -P3DT1H    | quá hạn 3 ngày        | 3 days overdue      | true
            """)
    void saysHowLongIsLeftOrHowLateInTheLargestWholeUnit(String dueIn, String vi, String en, boolean overdue) {
        Deadline deadline = Deadline.of(NOW.plus(Duration.parse(dueIn)), NOW);

        assertThat(deadline.vi()).isEqualTo(vi);
        assertThat(deadline.en()).isEqualTo(en);
        assertThat(deadline.overdue()).isEqualTo(overdue);
    }

    @org.junit.jupiter.api.Test
    void aCaseWithoutDeadlineSaysSo() {
        Deadline deadline = Deadline.of(null, NOW);

        assertThat(deadline.vi()).isEqualTo("không có hạn");
        assertThat(deadline.en()).isEqualTo("no deadline");
        assertThat(deadline.overdue()).isFalse();
    }
}
