package io.langnghe.contracts.kafka;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class ConsumerProgressTest {

    @ParameterizedTest(name = "running={0} lag={1} still for {2} s: up={3}")
    @CsvSource({
            // running, lag, seconds since it moved, up
            "true,      0,   3600,                  true",    // nothing to do is no outage
            "true,      12,  5,                     true",
            "true,      12,  119,                   true",
            "true,      12,  120,                   false",   // records wait and it does not move: stuck
            "false,     0,   0,                     false",   // the thread ended
    })
    void isDownWhenStoppedOrStuckWhileRecordsWait(boolean running, long lag, long seconds, boolean up) {
        assertThat(new ConsumerProgress(running, lag, Duration.ofSeconds(seconds)).up()).isEqualTo(up);
    }
}
