package io.langnghe.notify.send;

import io.langnghe.contracts.NotificationRequest;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.StreamProvider;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.util.MailStreamProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Deque;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicLong;

/**
 * E-mail over SMTP (Jakarta Mail, Angus): plain UTF-8 text, the subject from the template's first line.
 * Connections stay open between messages, one per thread sending at the time (the sender is one thread).
 * A kept connection the server has closed meanwhile (idle timeout, restart) is noticed by the next message;
 * when the server took none of that message (its text was never written), it goes once more over a new
 * connection, so it still arrives once.
 */
public final class EmailSmtp implements ChannelAdapter, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmailSmtp.class);

    private final Session session;
    private final InternetAddress from;
    private final String username;
    private final String password;
    private final Deque<Transport> idle = new ConcurrentLinkedDeque<>();
    private final AtomicLong opened = new AtomicLong();

    public EmailSmtp(String host, int port, String from, String username, String password, boolean startTls) {
        nameStreamProvider();
        Properties properties = new Properties();
        properties.put("mail.smtp.host", host);
        properties.put("mail.smtp.port", String.valueOf(port));
        properties.put("mail.smtp.connectiontimeout", "5000");
        properties.put("mail.smtp.timeout", "10000");
        properties.put("mail.smtp.auth", String.valueOf(username != null && !username.isBlank()));
        properties.put("mail.smtp.starttls.enable", String.valueOf(startTls));
        // the Message-ID's domain: without it each message asks the machine for its host name
        properties.put("mail.from", from);
        this.session = Session.getInstance(properties);
        try {
            this.from = new InternetAddress(from);
        } catch (AddressException e) {
            throw new IllegalArgumentException("langnghe.notifications.email.from is not an address: " + from, e);
        }
        this.username = username;
        this.password = password;
    }

    /**
     * Jakarta Mail 2.1 looks its stream provider up through ServiceLoader, a scan of the class path, on every
     * encoded word and every message written (jakartaee/mail-api#861). Its system property is the first place
     * it looks: naming Angus's provider there turns each scan into a lookup of a loaded class.
     */
    private static void nameStreamProvider() {
        System.getProperties().putIfAbsent(StreamProvider.class.getName(), MailStreamProvider.class.getName());
    }

    @Override
    public String channel() {
        return "email";
    }

    @Override
    public Delivery send(NotificationRequest request) throws SendFailure {
        try {
            Outgoing message = compose(request);
            deliver(message);
            return Delivery.sent(message.getMessageID());
        } catch (MessagingException e) {
            throw new SendFailure("SMTP: " + e.getMessage(), e);
        }
    }

    /** SMTP connections opened so far: one for many messages while the server keeps it. */
    public long connectionsOpened() {
        return opened.get();
    }

    /** Says goodbye (QUIT) on the connections kept; the next message opens a new one. */
    @Override
    public void close() {
        for (Transport transport = idle.poll(); transport != null; transport = idle.poll()) {
            closeQuietly(transport);
        }
    }

    private Outgoing compose(NotificationRequest request) throws MessagingException {
        Outgoing message = new Outgoing(session);
        message.setFrom(from);
        message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(request.recipient()));
        message.setSubject(request.subject(), "UTF-8");
        message.setText(request.text(), "UTF-8");
        message.setHeader("X-Langnghe-Key", request.idempotencyKey());
        message.saveChanges();
        return message;
    }

    private void deliver(Outgoing message) throws MessagingException {
        Transport kept = idle.poll();
        if (kept != null) {
            try {
                kept.sendMessage(message, message.getAllRecipients());
                idle.push(kept);
                return;
            } catch (MessagingException | IllegalStateException e) {
                closeQuietly(kept);
                if (message.written() || !lost(e)) {
                    throw e instanceof MessagingException m ? m : new MessagingException(e.getMessage(), (Exception) e);
                }
                LOG.debug("The SMTP server had closed the connection kept open ({}); sending over a new one", e.getMessage());
            }
        }
        Transport fresh = open();
        try {
            fresh.sendMessage(message, message.getAllRecipients());
        } catch (MessagingException e) {
            closeQuietly(fresh);
            throw e;
        }
        idle.push(fresh);
    }

    private Transport open() throws MessagingException {
        Transport transport = session.getTransport("smtp");
        if (username != null && !username.isBlank()) {
            transport.connect(username, password);
        } else {
            transport.connect();
        }
        opened.incrementAndGet();
        return transport;
    }

    /** The connection itself failed (closed, reset, 421 closing), rather than the server refusing this message. */
    private static boolean lost(Exception e) {
        if (e instanceof IllegalStateException) {
            return true;
        }
        if (e instanceof SMTPSendFailedException refused && (refused.getReturnCode() == -1 || refused.getReturnCode() == 421)) {
            return true;
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    private static void closeQuietly(Transport transport) {
        try {
            transport.close();
        } catch (MessagingException | IllegalStateException alreadyGone) {
            // the socket is closed either way
        }
    }

    /** A message that knows whether the server was given its text (after DATA was accepted). */
    private static final class Outgoing extends MimeMessage {
        private volatile boolean written;

        Outgoing(Session session) {
            super(session);
        }

        @Override
        public void writeTo(OutputStream out, String[] ignoreList) throws IOException, MessagingException {
            written = true;
            super.writeTo(out, ignoreList);
        }

        boolean written() {
            return written;
        }
    }
}
