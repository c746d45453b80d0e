package io.langnghe.ingest.intake;

import io.langnghe.contracts.Channel;
import io.langnghe.ingest.contact.VietnamesePhone;

/**
 * A petition that passed validation, already normalised (text NFC and tidy, area code lower case).
 * Optional parts are null when absent.
 */
public record Submission(
        String text,
        Channel channel,
        String area,
        String address,
        String name,
        VietnamesePhone phone,
        boolean consentToContact) {
}
