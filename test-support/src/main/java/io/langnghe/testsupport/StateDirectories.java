package io.langnghe.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** State directories for Kafka Streams in tests. */
public final class StateDirectories {

    private StateDirectories() {
    }

    /**
     * A directory of its own under the module's target/ (not the OS temp dir Kafka Streams warns about), so that
     * two runs of a topology test on one machine never share stores.
     */
    public static String fresh() {
        try {
            return Files.createTempDirectory(Files.createDirectories(Path.of("target")), "kafka-streams-test").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
