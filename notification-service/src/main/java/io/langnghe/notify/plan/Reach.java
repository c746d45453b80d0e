package io.langnghe.notify.plan;

import io.langnghe.contracts.CaseState;
import io.langnghe.contracts.Channel;
import io.langnghe.contracts.Contact;
import io.langnghe.contracts.privacy.ContactDetails;
import io.langnghe.contracts.privacy.ContactKeys;
import io.langnghe.contracts.privacy.DisclosedContact;

import java.time.Instant;
import java.util.Optional;

/**
 * Where a case's resident hears from the ward: the channel they wrote from first. Answering an SMS by
 * SMS or a Zalo message on Zalo needs no further consent (they wrote to us there); any other way in
 * (web, hotline, a tổ dân phố meeting) needs their consent, then e-mail when given, else SMS.
 *
 * @param interactedAt Zalo only: when the resident last wrote, which opens Zalo's window for a free reply
 * @param phone        Zalo only: the phone for a ZNS template outside that window, or null
 * @param sealed       the resident's sealed contact, when it is sealed: recipient and phone then stay null and
 *                     the sender opens them just before sending
 */
public record Reach(String channel, String recipient, Instant interactedAt, String phone, Contact.Sealed sealed) {

    public Reach(String channel, String recipient, Instant interactedAt, String phone) {
        this(channel, recipient, interactedAt, phone, null);
    }

    public static final String SMS = "sms";
    public static final String ZALO = "zalo";
    public static final String EMAIL = "email";

    /** For a contact in clear (written before sealing). */
    public static Optional<Reach> of(CaseState state) {
        return of(state, ContactKeys.NONE);
    }

    /** The channel is chosen on the opened contact; a sealed one leaves here still sealed. */
    public static Optional<Reach> of(CaseState state, ContactKeys keys) {
        if (state.contact() == null) {
            return Optional.empty();
        }
        DisclosedContact disclosed = keys.disclose(state.contact(), null);
        Contact.Sealed sealed = state.contact().sealed();
        return choose(state, disclosed.details(), state.contact().consentToContact())
                .map(reach -> sealed == null ? reach : new Reach(reach.channel(), null, reach.interactedAt(), null, sealed));
    }

    /** The recipient on a channel of an opened contact, as {@link #of} chose it; empty when it has none there. */
    public static Optional<String> recipient(String channel, ContactDetails contact) {
        return Optional.ofNullable(switch (channel) {
            case SMS -> contact.phone();
            case ZALO -> contact.zaloUserId();
            case EMAIL -> contact.email();
            default -> null;
        }).filter(Reach::present);
    }

    private static Optional<Reach> choose(CaseState state, ContactDetails contact, boolean consent) {
        if (state.channel() == Channel.SMS && present(contact.phone())) {
            return Optional.of(new Reach(SMS, contact.phone(), null, null));
        }
        if (state.channel() == Channel.ZALO && present(contact.zaloUserId())) {
            return Optional.of(new Reach(ZALO, contact.zaloUserId(), state.receivedAt(), contact.phone()));
        }
        if (!consent) {
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
