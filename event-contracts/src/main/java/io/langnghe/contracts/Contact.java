package io.langnghe.contracts;

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
 */
public record Contact(String name, String phone, String phoneMasked, String contactHash, boolean consentToContact) {

    public static Contact none() {
        return new Contact(null, null, null, null, false);
    }

    /** The same contact without what identifies the resident: for leaders and public pages. */
    public Contact withoutPersonalData() {
        return new Contact(null, null, phoneMasked, null, consentToContact);
    }
}
