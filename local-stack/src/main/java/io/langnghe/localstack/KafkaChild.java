package io.langnghe.localstack;

import java.io.IOException;

/**
 * Entry point of the broker's JVM: runs {@code kafka.Kafka} and exits when its parent goes away
 * (standard input closes), so a killed test JVM never leaves a broker behind.
 */
public final class KafkaChild {

    private KafkaChild() {
    }

    public static void main(String[] args) throws Exception {
        Thread watchdog = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // the parent never writes; we only wait for end of stream
                }
            } catch (IOException ignored) {
                // a broken pipe means the same: the parent is gone
            }
            System.exit(0);
        }, "parent-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        kafka.Kafka.main(args);
    }
}
