package io.langnghe.search.privacy;

import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every opening of a resident's contact and every erasure, one line each on the logger {@value #LOGGER}
 * (route it to its own file to keep it): who, which case, what came of it. Never the contact itself.
 */
@Singleton
public class ContactAudit {

    public static final String LOGGER = "io.langnghe.audit.contact";
    private static final Logger AUDIT = LoggerFactory.getLogger(LOGGER);

    /** @param outcome opened, clear (written before sealing), erased, none or unreadable */
    public void viewed(String username, String role, String caseId, String outcome) {
        AUDIT.info("contact view user={} role={} case={} outcome={}", username, role, caseId, outcome);
    }

    /** @param reason request (an administrator's or the CLI's) or retention */
    public void erased(String username, String caseId, String reason) {
        AUDIT.info("contact erase user={} case={} reason={}", username, caseId, reason);
    }
}
