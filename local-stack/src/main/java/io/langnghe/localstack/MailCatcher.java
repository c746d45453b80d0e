package io.langnghe.localstack;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import java.util.Map;

/**
 * The local stack's mail server (GreenMail, in the launcher's JVM): notification-service sends its
 * e-mail to residents and staff here by SMTP, and anyone reads it over IMAP with the recipient's
 * address as user name and any password. Nothing leaves the machine.
 */
final class MailCatcher implements AutoCloseable {

    static final int USUAL_SMTP = 3025;
    static final int USUAL_IMAP = 3143;

    private final GreenMail mail;

    private MailCatcher(GreenMail mail) {
        this.mail = mail;
    }

    /** On LANGNGHE_SMTP_PORT and LANGNGHE_IMAP_PORT, or 3025 and 3143. */
    static MailCatcher start(Map<String, String> environment) {
        int smtp = port(environment, "LANGNGHE_SMTP_PORT", USUAL_SMTP);
        int imap = port(environment, "LANGNGHE_IMAP_PORT", USUAL_IMAP);
        GreenMail mail = new GreenMail(new ServerSetup[]{
                new ServerSetup(smtp, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(imap, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
        // any address may log in: each mailbox is made on first delivery or login
        mail.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        mail.start();
        return new MailCatcher(mail);
    }

    int smtpPort() {
        return mail.getSmtp().getPort();
    }

    int imapPort() {
        return mail.getImap().getPort();
    }

    /** notification-service's SMTP settings, pointing at this server. */
    Map<String, String> serviceEnvironment() {
        return Map.of("LANGNGHE_SMTP_HOST", "127.0.0.1", "LANGNGHE_SMTP_PORT", String.valueOf(smtpPort()));
    }

    /** The line {@code ./langnghe up} prints beside the outbox. */
    String where() {
        return "imap://localhost:" + imapPort() + "   (log in as the recipient's address, any password; SMTP on "
                + smtpPort() + ")";
    }

    @Override
    public void close() {
        mail.stop();
    }

    private static int port(Map<String, String> environment, String name, int usual) {
        String given = environment.get(name);
        try {
            return given == null || given.isBlank() ? usual : Integer.parseInt(given.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a port number (1-65535), not " + given);
        }
    }
}
