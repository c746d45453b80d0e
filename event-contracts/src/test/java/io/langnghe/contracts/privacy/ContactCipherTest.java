package io.langnghe.contracts.privacy;

import io.langnghe.contracts.Contact;
import io.langnghe.contracts.Json;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContactCipherTest {

    private static final Instant NOW = Instant.parse("2026-12-05T08:00:00Z");
    private static final ContactDetails LAN = new ContactDetails("Nguyễn Thị Lan", "+84912345678", "lan@example.vn",
            "zalo-123", "số 12 ngõ 5 thôn Hiền Thư");

    @Test
    void opensWhatItSealedWithTheCasesKey() {
        ContactKey key = ContactCipher.newKey("case-1", NOW);

        Contact.Sealed sealed = ContactCipher.seal(LAN, key);

        assertThat(sealed.keyId()).isEqualTo("case-1");
        assertThat(ContactCipher.open(sealed, key)).isEqualTo(LAN);
    }

    @Test
    void sealedFormCarriesNoDetailInClearAndDiffersEachTime() throws Exception {
        ContactKey key = ContactCipher.newKey("case-1", NOW);
        Contact contact = new Contact(LAN.name(), LAN.phone(), "+84 91x xxx x78", "hash-1", true, LAN.zaloUserId(), LAN.email());

        Contact sealed = contact.withSealed(ContactCipher.seal(LAN, key));
        String json = Json.mapper().writeValueAsString(sealed);

        assertThat(json).doesNotContain("Lan", "912345678", "lan@example", "zalo-123", "Hiền Thư");
        assertThat(sealed.phoneMasked()).isEqualTo("+84 91x xxx x78");
        assertThat(sealed.contactHash()).isEqualTo("hash-1");
        assertThat(ContactCipher.seal(LAN, key).ciphertext()).isNotEqualTo(ContactCipher.seal(LAN, key).ciphertext());
    }

    @Test
    void anotherCasesKeyDoesNotOpenIt() {
        Contact.Sealed sealed = ContactCipher.seal(LAN, ContactCipher.newKey("case-1", NOW));
        ContactKey stranger = ContactCipher.newKey("case-2", NOW);
        Contact.Sealed movedToCase2 = new Contact.Sealed("case-2", sealed.ciphertext());

        assertThatThrownBy(() -> ContactCipher.open(sealed, stranger)).isInstanceOf(ContactCipher.UnreadableContactException.class);
        assertThatThrownBy(() -> ContactCipher.open(movedToCase2, stranger)).isInstanceOf(ContactCipher.UnreadableContactException.class);
    }

    @Test
    void anAlteredCiphertextDoesNotOpen() {
        ContactKey key = ContactCipher.newKey("case-1", NOW);
        Contact.Sealed sealed = ContactCipher.seal(LAN, key);
        char[] bytes = sealed.ciphertext().toCharArray();
        bytes[20] = bytes[20] == 'A' ? 'B' : 'A';

        assertThatThrownBy(() -> ContactCipher.open(new Contact.Sealed("case-1", new String(bytes)), key))
                .isInstanceOf(ContactCipher.UnreadableContactException.class);
    }

    @Test
    void aThreadWhoseLastOpenFailedStillSealsAndOpens() {
        ContactKey key = ContactCipher.newKey("case-1", NOW);
        Contact.Sealed sealed = ContactCipher.seal(LAN, key);
        Contact.Sealed altered = new Contact.Sealed("case-1", sealed.ciphertext().substring(0, 30) + "AAAA" + sealed.ciphertext().substring(34));
        assertThatThrownBy(() -> ContactCipher.open(altered, key)).isInstanceOf(ContactCipher.UnreadableContactException.class);

        assertThat(ContactCipher.open(sealed, key)).isEqualTo(LAN);
        assertThat(ContactCipher.open(ContactCipher.seal(LAN, key), key)).isEqualTo(LAN);
    }

    @Test
    void casesTakenInTurnOnOneThreadEachOpenOnlyWithTheirOwnKey() {
        ContactKey first = ContactCipher.newKey("case-1", NOW);
        ContactKey second = ContactCipher.newKey("case-2", NOW);
        Contact.Sealed firstSealed = ContactCipher.seal(LAN, first);
        Contact.Sealed secondSealed = ContactCipher.seal(LAN, second);
        ContactKey sameIdOtherKey = ContactCipher.newKey("case-1", NOW);

        assertThat(ContactCipher.open(firstSealed, first)).isEqualTo(LAN);
        assertThat(ContactCipher.open(secondSealed, second)).isEqualTo(LAN);
        assertThatThrownBy(() -> ContactCipher.open(firstSealed, sameIdOtherKey)).isInstanceOf(ContactCipher.UnreadableContactException.class);
        assertThat(ContactCipher.open(firstSealed, first)).isEqualTo(LAN);
    }

    @Test
    void disclosesSealedOpenedErasedAndOlderClearContacts() {
        ContactKey key = ContactCipher.newKey("case-1", NOW);
        Contact sealed = new Contact(null, null, "+84 91x xxx x78", "hash-1", true).withSealed(ContactCipher.seal(LAN, key));
        Contact older = new Contact("Trần Văn Nam", "+84987654321", "+84 98x xxx x21", "hash-2", true);
        Map<String, ContactKey> held = Map.of("case-1", key);
        ContactKeys holding = keyId -> Optional.ofNullable(held.get(keyId));
        ContactKeys afterErasure = keyId -> Optional.empty();

        assertThat(holding.disclose(sealed, null)).isEqualTo(new DisclosedContact(DisclosedContact.Status.OPENED, LAN));
        assertThat(afterErasure.disclose(sealed, null).status()).isEqualTo(DisclosedContact.Status.ERASED);
        assertThat(afterErasure.disclose(sealed, null).details()).isEqualTo(ContactDetails.NONE);
        assertThat(afterErasure.disclose(older, "ngõ 9").details())
                .isEqualTo(new ContactDetails("Trần Văn Nam", "+84987654321", null, null, "ngõ 9"));
        assertThat(afterErasure.disclose(null, null).status()).isEqualTo(DisclosedContact.Status.NONE);
    }

    @Test
    void neverPrintsAKeyOrADetail() {
        ContactKey key = ContactCipher.newKey("case-1", NOW);

        assertThat(key.toString()).contains("case-1").doesNotContain(key.key());
        assertThat(LAN.toString()).doesNotContain("Lan", "912345678");
    }
}
