package io.langnghe.localstack;

import org.junit.jupiter.api.Test;

import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class PortsTest {

    @Test
    void freePortsAskedForOneAfterAnotherAreNeverTheSame() {
        // the system may offer a port it just closed again at once: Kafka's listener and controller once got one port
        assertThat(IntStream.range(0, 200).map(i -> Ports.free()).boxed().distinct().count()).isEqualTo(200);
    }
}
