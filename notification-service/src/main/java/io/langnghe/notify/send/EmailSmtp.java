package io.langnghe.notify.send;

import io.langnghe.contracts.NotificationRequest;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.util.Properties;

/** E-mail over SMTP (Jakarta Mail, Angus): plain UTF-8 text, the subject from the template's first line. */
public final class EmailSmtp implements ChannelAdapter {

    private final Session session;
    private final String from;
    private final String username;
    private final String password;

    public EmailSmtp(String host, int port, String from, String username, String password, boolean startTls) {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", host);
        properties.put("mail.smtp.port", String.valueOf(port));
        properties.put("mail.smtp.connectiontimeout", "5000");
        properties.put("mail.smtp.timeout", "10000");
        properties.put("mail.smtp.auth", String.valueOf(username != null && !username.isBlank()));
        properties.put("mail.smtp.starttls.enable", String.valueOf(startTls));
        this.session = Session.getInstance(properties);
        this.from = from;
        this.username = username;
        this.password = password;
    }

    @Override
    public String channel() {
        return "email";
    }

    @Override
    public Delivery send(NotificationRequest request) throws SendFailure {
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress(from));
            message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(request.recipient()));
            message.setSubject(request.subject(), "UTF-8");
            message.setText(request.text(), "UTF-8");
            message.setHeader("X-Langnghe-Key", request.idempotencyKey());
            message.saveChanges();
            if (username != null && !username.isBlank()) {
                Transport.send(message, username, password);
            } else {
                Transport.send(message);
            }
            return Delivery.sent(message.getMessageID());
        } catch (MessagingException e) {
            throw new SendFailure("SMTP: " + e.getMessage(), e);
        }
    }
}
