package io.langnghe.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * How to reach the resident, minimised (Decree 13/2023/ND-CP): the phone in clear is kept only for
 * the officers of the assigned department; everyone else sees the masked form. The hash lets the
 * ward count distinct reporters without reading their numbers.
 *
 * @param name           as the resident gave it, or null
 * @param phone          E.164 (+84...), or null
 * @param phoneMasked    e.g. "+84 90x xxx x67", or null
 * @param contactHash    salted SHA-256 of the phone or channel user id, or null
 * @param consentToContact the resident agreed to be called back
 * @param zaloUserId     the Zalo user who wrote to the ward's Official Account (the OA's user id), or null:
 *                       the only way to answer on Zalo
 * @param email          an e-mail address the resident gave, or null
 * @param sealed         name, phone, e-mail, Zalo id and address encrypted with the case's own key (the fields
 *                       above are then null): erasing the key erases them everywhere; null on contacts written
 *                       before sealing, which carry them in clear
 */
public record Contact(String name, String phone, String phoneMasked, String contactHash, boolean consentToContact,
                      String zaloUserId, String email, @JsonInclude(JsonInclude.Include.NON_NULL) Sealed sealed) {

    /** A contact in clear, as ingest-service builds it before sealing (and as contacts were before). */
    public Contact(String name, String phone, String phoneMasked, String contactHash, boolean consentToContact,
                   String zaloUserId, String email) {
        this(name, phone, phoneMasked, contactHash, consentToContact, zaloUserId, email, null);
    }

    /** A contact reachable by phone at most (as every contact was before Zalo replies and e-mail). */
    public Contact(String name, String phone, String phoneMasked, String contactHash, boolean consentToContact) {
        this(name, phone, phoneMasked, contactHash, consentToContact, null, null);
    }

    /**
     * What identifies the resident, encrypted (AES-256-GCM) with the key {@code keyId} of {@code contact.keys.v1}.
     *
     * @param keyId      the case id: the key's record key, never the tracking code
     * @param ciphertext base64 of the 12-byte nonce followed by the ciphertext and its tag
     */
    public record Sealed(String keyId, String ciphertext) {
    }

    public static Contact none() {
        return new Contact(null, null, null, null, false);
    }

    /** The same contact without what identifies the resident: for leaders and public pages. */
    public Contact withoutPersonalData() {
        return new Contact(null, null, phoneMasked, null, consentToContact);
    }

    /** The same contact with the Zalo user to answer. */
    public Contact withZaloUserId(String zaloUserId) {
        return new Contact(name, phone, phoneMasked, contactHash, consentToContact, zaloUserId, email, sealed);
    }

    /** The same contact with an e-mail address. */
    public Contact withEmail(String email) {
        return new Contact(name, phone, phoneMasked, contactHash, consentToContact, zaloUserId, email, sealed);
    }

    /**
     * The same contact with what identifies the resident replaced by its sealed form: only the masked phone,
     * the hash that counts reporters and the consent stay readable.
     */
    public Contact withSealed(Sealed sealed) {
        return new Contact(null, null, phoneMasked, contactHash, consentToContact, null, null, sealed);
    }

    /** Whether anything here names or reaches the resident in clear. */
    public boolean hasClearDetails() {
        return name != null || phone != null || email != null || zaloUserId != null;
    }
}
