package io.langnghe.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Elasticsearch refuses to run as root. As root we run it as the system user {@code langnghe},
 * created when missing; as anyone else it runs as that user.
 */
public final class Unprivileged {

    public static final String USER = "langnghe";

    private Unprivileged() {
    }

    public static boolean isRoot() {
        return "root".equals(System.getProperty("user.name")) || "0".equals(output("id", "-u"));
    }

    /** Creates the system user when missing (only as root). */
    public static void ensureUser() {
        if (exitCode(List.of("id", "-u", USER)) == 0) {
            return;
        }
        int status = exitCode(List.of("useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", USER));
        if (status != 0 && exitCode(List.of("id", "-u", USER)) != 0) {
            throw new IllegalStateException("Could not create the system user " + USER + " (useradd exit " + status + ")");
        }
    }

    /** Hands a directory tree to the unprivileged user. */
    public static void giveTree(Path root) {
        try {
            UserPrincipalLookupService lookup = root.getFileSystem().getUserPrincipalLookupService();
            UserPrincipal user = lookup.lookupPrincipalByName(USER);
            GroupPrincipal group = lookup.lookupPrincipalByGroupName(USER);
            try (Stream<Path> paths = Files.walk(root)) {
                for (Path path : paths.toList()) {
                    PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class,
                            java.nio.file.LinkOption.NOFOLLOW_LINKS);
                    view.setOwner(user);
                    view.setGroup(group);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not hand " + root + " to " + USER, e);
        }
    }

    /** True when the unprivileged user can write into the directory (every parent traversable). */
    public static boolean canWrite(Path directory) {
        return exitCode(asUser(List.of("test", "-w", directory.toString(), "-a", "-x", directory.toString()))) == 0;
    }

    /** True when the unprivileged user can run the file. */
    public static boolean canRun(Path file) {
        return exitCode(asUser(List.of("test", "-x", file.toString()))) == 0;
    }

    /**
     * The command run as the unprivileged user. setpriv execs the command itself, so SIGTERM reaches
     * Elasticsearch directly; runuser would stay in between and SIGKILL it two seconds after a SIGTERM.
     */
    public static List<String> asUser(List<String> command) {
        List<String> wrapped = new ArrayList<>(hasSetpriv()
                ? List.of("setpriv", "--reuid=" + USER, "--regid=" + USER, "--init-groups", "--")
                : List.of("runuser", "-u", USER, "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    private static boolean hasSetpriv() {
        return Files.isExecutable(Path.of("/usr/bin/setpriv")) || Files.isExecutable(Path.of("/bin/setpriv"));
    }

    private static int exitCode(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return -1;
            }
            return process.exitValue();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static String output(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes()).trim();
            process.waitFor(10, TimeUnit.SECONDS);
            return out;
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
