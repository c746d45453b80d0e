package io.langnghe.bench.e2e;

import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;

import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import java.io.IOException;
import java.lang.management.ManagementFactory;

/**
 * The MBeans of a JVM on this machine, found by its pid: the bench attaches to it as {@code jcmd} does and starts
 * its local management agent, which opens no port and answers only processes of the same user. No service has to
 * be started with JMX for the bench to read it.
 */
final class LocalJmx implements AutoCloseable {

    private final MBeanServerConnection mbeans;
    private final JMXConnector connector;

    private LocalJmx(MBeanServerConnection mbeans, JMXConnector connector) {
        this.mbeans = mbeans;
        this.connector = connector;
    }

    /** The JVM {@code pid}; this JVM's own MBeans when it is the one (a test's broker runs in the test's JVM). */
    static LocalJmx of(long pid) throws IOException {
        if (pid == ProcessHandle.current().pid()) {
            return new LocalJmx(ManagementFactory.getPlatformMBeanServer(), null);
        }
        String address;
        try {
            VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
            try {
                address = vm.startLocalManagementAgent();
            } finally {
                vm.detach();
            }
        } catch (AttachNotSupportedException e) {
            throw new IOException("cannot attach to process " + pid + " (another user's, or not a JVM): " + e.getMessage(), e);
        }
        JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(address));
        return new LocalJmx(connector.getMBeanServerConnection(), connector);
    }

    MBeanServerConnection mbeans() {
        return mbeans;
    }

    @Override
    public void close() throws IOException {
        if (connector != null) {
            connector.close();
        }
    }
}
