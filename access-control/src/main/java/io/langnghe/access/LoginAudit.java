package io.langnghe.access;

import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every login and every refusal, one line each on the logger {@value #LOGGER} (route it to its own
 * file to keep it): when, who they said they were, from where, and the outcome. Never the password;
 * the username is cut and stripped of control characters, so a typed name cannot forge a line.
 */
@Singleton
public class LoginAudit {

    public static final String LOGGER = "io.langnghe.audit.login";
    private static final Logger AUDIT = LoggerFactory.getLogger(LOGGER);
    private static final int MAX_NAME = 64;

    public void loggedIn(String username, String address, String role) {
        AUDIT.info("login outcome=ok user={} address={} role={}", clean(username), address, role);
    }

    /** @param reason {@code wrong_credentials} or {@code throttled} */
    public void refused(String username, String address, String reason) {
        AUDIT.warn("login outcome=refused reason={} user={} address={}", reason, clean(username), address);
    }

    static String clean(String username) {
        if (username == null) {
            return "-";
        }
        String printable = username.replaceAll("[\\p{Cntrl}\\p{Z}]+", "_");
        return printable.length() > MAX_NAME ? printable.substring(0, MAX_NAME) + "…" : printable;
    }
}
