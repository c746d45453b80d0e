package io.langnghe.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * One launcher per data directory: an operating-system lock on {@code launcher.lock}, which also holds the
 * launcher's pid. The system drops the lock when the process dies, even by kill -9, so a stale file never
 * blocks the next start.
 */
public final class StackLock {

    static final String FILE_NAME = "launcher.lock";

    private StackLock() {
    }

    /** Holds the lock for the rest of this JVM's life, or says which launcher holds it. */
    public static Optional<String> acquire(Path home) {
        try {
            Files.createDirectories(home);
            Path file = home.resolve(FILE_NAME);
            // kept open on purpose: closing the channel would release the lock
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                String holder = Files.readString(file, StandardCharsets.UTF_8).strip();
                channel.close();
                return Optional.of("Lắng Nghe is already running on " + home + " (launcher pid "
                        + (holder.isEmpty() ? "unknown" : holder) + "). Stop it (Ctrl-C in its terminal, or kill "
                        + (holder.isEmpty() ? "<pid>" : holder) + ") or set LANGNGHE_HOME to another directory.");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(true);
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot lock " + home.resolve(FILE_NAME), e);
        }
    }
}
