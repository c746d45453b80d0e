package io.langnghe.contracts.privacy;

/**
 * What identifies or reaches a resident, in clear: what a case's key seals. Every part may be null.
 *
 * @param address the address the petition gave (often the resident's own home)
 */
public record ContactDetails(String name, String phone, String email, String zaloUserId, String address) {

    public static final ContactDetails NONE = new ContactDetails(null, null, null, null, null);

    public boolean isEmpty() {
        return name == null && phone == null && email == null && zaloUserId == null && address == null;
    }

    /** Never the details themselves: logs must not hold a contact. */
    @Override
    public String toString() {
        return "ContactDetails[" + (isEmpty() ? "empty" : "hidden") + "]";
    }
}
