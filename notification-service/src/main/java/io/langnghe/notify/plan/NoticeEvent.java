package io.langnghe.notify.plan;

import io.langnghe.contracts.CaseStatus;

import java.util.Optional;

/**
 * What a message tells. An answer, a resolution, a rejection and a reopening go out at once; the
 * small steps before them (received, acknowledged, in progress) may be merged when they come close together.
 */
public enum NoticeEvent {
    RECEIVED("received", false),
    ACKNOWLEDGED("acknowledged", false),
    IN_PROGRESS("in_progress", false),
    ANSWERED("answered", true),
    RESOLVED("resolved", true),
    REJECTED("rejected", true),
    REOPENED("reopened", true);

    private final String code;
    private final boolean immediate;

    NoticeEvent(String code, boolean immediate) {
        this.code = code;
        this.immediate = immediate;
    }

    public String code() {
        return code;
    }

    /** Sent at once, never merged away. */
    public boolean immediate() {
        return immediate;
    }

    /** The message a case's new status calls for; none for routing steps the resident need not hear of. */
    public static Optional<NoticeEvent> on(CaseStatus status) {
        return Optional.ofNullable(switch (status) {
            case NEW, ASSIGNED -> RECEIVED;
            case ACKNOWLEDGED -> ACKNOWLEDGED;
            case IN_PROGRESS -> IN_PROGRESS;
            case ANSWERED -> ANSWERED;
            case RESOLVED -> RESOLVED;
            case REJECTED -> REJECTED;
            case REOPENED -> REOPENED;
            case CLOSED, MERGED -> null;
        });
    }

    /** Whether the event with this code goes out at once. */
    public static boolean immediate(String code) {
        for (NoticeEvent event : values()) {
            if (event.code.equals(code)) {
                return event.immediate;
            }
        }
        return true;
    }
}
