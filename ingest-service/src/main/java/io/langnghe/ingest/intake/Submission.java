package io.langnghe.ingest.intake;

import io.langnghe.contracts.Channel;
import io.langnghe.ingest.contact.VietnamesePhone;

/**
 * A petition that passed validation, already normalised (text NFC and tidy, area code lower case).
 * Optional parts are null when absent.
 *
 * @param caseRef the tracking code of an existing case this report is about (a caller or resident
 *                following up), grouped for reading: K7MX-Q2PA-9C
 */
public record Submission(
        String text,
        Channel channel,
        String area,
        String address,
        String name,
        VietnamesePhone phone,
        boolean consentToContact,
        String caseRef) {

    /** A petition that is not about an earlier case. */
    public Submission(String text, Channel channel, String area, String address, String name, VietnamesePhone phone,
                      boolean consentToContact) {
        this(text, channel, area, address, name, phone, consentToContact, null);
    }
}
