package io.langnghe.contracts.privacy;

/**
 * A contact as a reader may use it: its details, and why they are what they are.
 *
 * @param status  NONE (the resident left none), CLEAR (written before sealing), OPENED (sealed, key found),
 *                ERASED (sealed, key erased: the resident's contact is gone), UNREADABLE (the key does not open it)
 * @param details empty unless CLEAR or OPENED
 */
public record DisclosedContact(Status status, ContactDetails details) {

    public enum Status { NONE, CLEAR, OPENED, ERASED, UNREADABLE }

    public boolean erased() {
        return status == Status.ERASED;
    }
}
