package io.langnghe.notify.plan;

import io.langnghe.contracts.CaseState;
import io.langnghe.contracts.Channel;
import io.langnghe.contracts.Contact;

import java.time.Instant;
import java.util.Optional;

/**
 * Where a case's resident hears from the ward: the channel they wrote from first. Answering an SMS by
 * SMS or a Zalo message on Zalo needs no further consent (they wrote to us there); any other way in
 * (web, hotline, a tổ dân phố meeting) needs their consent, then e-mail when given, else SMS.
 *
 * @param interactedAt Zalo only: when the resident last wrote, which opens Zalo's window for a free reply
 * @param phone        Zalo only: the phone for a ZNS template outside that window, or null
 */
public record Reach(String channel, String recipient, Instant interactedAt, String phone) {

    public static final String SMS = "sms";
    public static final String ZALO = "zalo";
    public static final String EMAIL = "email";

    public static Optional<Reach> of(CaseState state) {
        Contact contact = state.contact();
        if (contact == null) {
            return Optional.empty();
        }
        if (state.channel() == Channel.SMS && present(contact.phone())) {
            return Optional.of(new Reach(SMS, contact.phone(), null, null));
        }
        if (state.channel() == Channel.ZALO && present(contact.zaloUserId())) {
            return Optional.of(new Reach(ZALO, contact.zaloUserId(), state.receivedAt(), contact.phone()));
        }
        if (!contact.consentToContact()) {
            return Optional.empty();
        }
        if (present(contact.email())) {
            return Optional.of(new Reach(EMAIL, contact.email(), null, null));
        }
        if (present(contact.phone())) {
            return Optional.of(new Reach(SMS, contact.phone(), null, null));
        }
        return Optional.empty();
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
