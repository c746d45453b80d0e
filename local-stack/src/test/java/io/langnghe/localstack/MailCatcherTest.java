package io.langnghe.localstack;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a newcomer does with the stack's mail server: notification-service's SMTP settings point at it,
 * and a mail sent there is read over IMAP at the address {@code ./langnghe up} prints, logging in as
 * the recipient with any password.
 */
class MailCatcherTest {

    @Test
    void anEmailSentToTheStacksSmtpIsReadOverImapAtThePrintedAddress() throws Exception {
        int smtp = Ports.free();
        int imap = Ports.free();
        try (MailCatcher mail = MailCatcher.start(Map.of("LANGNGHE_SMTP_PORT", String.valueOf(smtp),
                "LANGNGHE_IMAP_PORT", String.valueOf(imap)))) {
            assertThat(mail.serviceEnvironment())
                    .containsEntry("LANGNGHE_SMTP_HOST", "127.0.0.1").containsEntry("LANGNGHE_SMTP_PORT", String.valueOf(smtp));
            assertThat(mail.where()).startsWith("imap://localhost:" + imap + " ").contains("SMTP on " + smtp);

            // sent as notification-service sends it: plain SMTP to the host and port it was given
            Properties smtpProperties = new Properties();
            smtpProperties.put("mail.smtp.host", mail.serviceEnvironment().get("LANGNGHE_SMTP_HOST"));
            smtpProperties.put("mail.smtp.port", mail.serviceEnvironment().get("LANGNGHE_SMTP_PORT"));
            MimeMessage sent = new MimeMessage(Session.getInstance(smtpProperties));
            sent.setFrom(new InternetAddress("langnghe@localhost"));
            sent.setRecipient(Message.RecipientType.TO, new InternetAddress("canbo.moi_truong@phuong.local"));
            sent.setSubject("Kiến nghị sáng nay: 1 mới", "UTF-8");
            sent.setText("Mới (1)", "UTF-8");
            Transport.send(sent);

            Properties imapProperties = new Properties();
            imapProperties.put("mail.store.protocol", "imap");
            Store store = Session.getInstance(imapProperties).getStore("imap");
            store.connect("localhost", imap, "canbo.moi_truong@phuong.local", "any password");
            try {
                Folder inbox = store.getFolder("INBOX");
                await().atMost(Duration.ofSeconds(10)).until(() -> {
                    inbox.open(Folder.READ_ONLY);
                    try {
                        return inbox.getMessageCount() == 1;
                    } finally {
                        inbox.close(false);
                    }
                });
                inbox.open(Folder.READ_ONLY);
                assertThat(inbox.getMessage(1).getSubject()).isEqualTo("Kiến nghị sáng nay: 1 mới");
                inbox.close(false);
            } finally {
                store.close();
            }
        }
    }
}
