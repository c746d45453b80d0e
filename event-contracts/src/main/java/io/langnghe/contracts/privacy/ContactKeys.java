package io.langnghe.contracts.privacy;

import io.langnghe.contracts.Contact;

import java.util.Optional;

/**
 * The cases' data keys as one reader knows them (a local copy of {@code contact.keys.v1}). A key that is
 * not here was erased, or never existed: either way the contact it sealed stays closed.
 */
public interface ContactKeys {

    /** Knows no key: a reader that must never see contacts. */
    ContactKeys NONE = keyId -> Optional.empty();

    Optional<ContactKey> find(String keyId);

    /**
     * The contact in clear, wherever it is: sealed (opened with its case's key), or in clear as contacts were
     * written before sealing.
     *
     * @param clearAddress the address a record written before sealing carries beside the contact, or null
     */
    default DisclosedContact disclose(Contact contact, String clearAddress) {
        if (contact == null || contact.sealed() == null) {
            Contact given = contact == null ? Contact.none() : contact;
            ContactDetails details = new ContactDetails(given.name(), given.phone(), given.email(), given.zaloUserId(), clearAddress);
            return new DisclosedContact(details.isEmpty() ? DisclosedContact.Status.NONE : DisclosedContact.Status.CLEAR, details);
        }
        Optional<ContactKey> key = find(contact.sealed().keyId());
        if (key.isEmpty()) {
            return new DisclosedContact(DisclosedContact.Status.ERASED, ContactDetails.NONE);
        }
        try {
            return new DisclosedContact(DisclosedContact.Status.OPENED, ContactCipher.open(contact.sealed(), key.get()));
        } catch (ContactCipher.UnreadableContactException e) {
            return new DisclosedContact(DisclosedContact.Status.UNREADABLE, ContactDetails.NONE);
        }
    }
}
