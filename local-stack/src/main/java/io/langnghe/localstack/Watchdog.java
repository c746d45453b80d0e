package io.langnghe.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Children die with the launcher, even when it is killed with SIGKILL and runs no shutdown hook: a small
 * shell in a session of its own polls the launcher's pid once a second and, when it is gone, kills the
 * process group of every child listed in the children file. Each child runs under setsid, so its group
 * holds it and whatever it started (Elasticsearch's server JVM).
 */
public final class Watchdog {

    private static final String SCRIPT = """
            while kill -0 "$1" 2>/dev/null; do sleep 1; done
            [ -f "$2" ] || exit 0
            while read -r group; do
              [ -n "$group" ] && { kill -KILL -- "-$group" 2>/dev/null || kill -KILL "$group" 2>/dev/null; }
            done < "$2"
            rm -f "$2"
            """;

    private final Path childrenFile;

    private Watchdog(Path childrenFile) {
        this.childrenFile = childrenFile;
    }

    /** Starts the watchdog of this JVM; from now on every child's group is written to {@code childrenFile}. */
    public static Watchdog start(Path childrenFile) {
        Watchdog watchdog = new Watchdog(childrenFile);
        watchdog.write(List.of());
        List<String> command = List.of("sh", "-c", SCRIPT, "langnghe-watchdog",
                String.valueOf(ProcessHandle.current().pid()), childrenFile.toString());
        try {
            new ProcessBuilder(ChildProcess.inOwnSession(command))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the watchdog", e);
        }
        ChildProcess.onChildrenChanged(watchdog::write);
        return watchdog;
    }

    private synchronized void write(Collection<Long> groups) {
        try {
            Files.createDirectories(childrenFile.getParent());
            Path partial = childrenFile.resolveSibling(childrenFile.getFileName() + ".partial");
            String lines = groups.stream().map(String::valueOf).collect(Collectors.joining("\n", "", "\n"));
            Files.writeString(partial, lines, StandardCharsets.UTF_8);
            Files.move(partial, childrenFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            System.err.println("Cannot write " + childrenFile + ": " + e.getMessage());
        }
    }
}
