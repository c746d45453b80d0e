package io.langnghe.localstack;

import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One part of the stack as the supervisor sees it: how to make and start it, and its process now.
 * A restart makes a new server on the same data and ports, so nothing of a failed start is reused.
 *
 * @param <S> the server (Kafka, Elasticsearch) or the service process
 */
public final class SupervisedChild<S extends AutoCloseable> implements AutoCloseable {

    private final String name;
    private final Supplier<S> create;
    private final Consumer<S> start;
    private final Function<S, ChildProcess> process;
    private volatile S current;
    private volatile boolean closed;

    public SupervisedChild(String name, Supplier<S> create, Consumer<S> start, Function<S, ChildProcess> process) {
        this.name = name;
        this.create = create;
        this.start = start;
        this.process = process;
    }

    /** A child that is nothing but its process: started, not waited for. */
    public static SupervisedChild<ChildProcess> ofProcess(String name, Supplier<ChildProcess> start) {
        return new SupervisedChild<>(name, start, started -> { }, started -> started);
    }

    public String name() {
        return name;
    }

    /** Makes and starts the server; returns once it is ready, throws when it is not. */
    public S start() {
        S server = create.get();
        current = server;
        if (closed) {
            closeQuietly(server);
            throw new IllegalStateException(name + " stopped while starting");
        }
        start.accept(server);
        return server;
    }

    public S current() {
        return current;
    }

    /** True when the process runs, or while it is being made (not yet a process). */
    public boolean isAlive() {
        S server = current;
        ChildProcess child = server == null ? null : process.apply(server);
        return child != null && child.isAlive();
    }

    public String exitStatus() {
        S server = current;
        ChildProcess child = server == null ? null : process.apply(server);
        if (child == null) {
            return "not started";
        }
        int status = child.exitValue();
        // 128 + n is the shell's way of saying "killed by signal n"
        return status > 128 ? "status " + status + ", signal " + (status - 128) : "status " + status;
    }

    public long pid() {
        S server = current;
        ChildProcess child = server == null ? null : process.apply(server);
        return child == null ? -1 : child.pid();
    }

    public boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        closed = true;
        S server = current;
        if (server != null) {
            closeQuietly(server);
        }
    }

    private static void closeQuietly(AutoCloseable server) {
        try {
            server.close();
        } catch (Exception e) {
            System.err.println("While stopping: " + e.getMessage());
        }
    }
}
