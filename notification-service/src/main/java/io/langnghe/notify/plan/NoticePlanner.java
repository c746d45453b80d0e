package io.langnghe.notify.plan;

import io.langnghe.contracts.privacy.ContactKeys;
import io.langnghe.contracts.CaseState;
import io.langnghe.contracts.CaseStatus;
import io.langnghe.contracts.HistoryEntry;
import io.langnghe.contracts.MessageOutcome;
import io.langnghe.contracts.NotificationRequest;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Decides, for each change of a case, which message goes out now, which waits and which is merged:
 * <ul>
 *   <li>every status change after the last one seen calls for its {@link NoticeEvent} (read from the
 *       case's history, so two quick changes both count even when only the latter version was read);</li>
 *   <li>between {@code quietFrom} and {@code quietUntil} local time nothing goes out except for urgent
 *       cases: it is held until the quiet hours end;</li>
 *   <li>answered, resolved, rejected, reopened go out at once (quiet hours aside), and stand for any small
 *       update still held (that one is recorded as merged);</li>
 *   <li>received, acknowledged, in progress: one goes out at once, the next within {@code mergeWindow}
 *       of it waits for the window's end, and a later one replaces the waiting one (merged);</li>
 *   <li>a contact that sent STOP/HUY gets nothing (suppressed);</li>
 *   <li>at most {@value #HELD_AT_MOST} of those that go out at once wait for one case: a further one stands for
 *       the oldest (merged), so the planner's memory of a case stays small however often it changes.</li>
 * </ul>
 */
public final class NoticePlanner {

    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm");
    /** Answers, resolutions, rejections and reopenings held at once for one case (quiet hours), at most. */
    static final int HELD_AT_MOST = 5;

    private final QuietHours quiet;
    private final Duration mergeWindow;
    private final Duration maxAge;
    private final Composer composer;
    private final ContactKeys keys;

    /** A planner for contacts in clear only (sealed ones then reach nobody). */
    public NoticePlanner(QuietHours quiet, Duration mergeWindow, Duration maxAge, Composer composer) {
        this(quiet, mergeWindow, maxAge, composer, ContactKeys.NONE);
    }

    /** @param keys the cases' contact keys, to choose the channel a sealed contact can be reached on */
    public NoticePlanner(QuietHours quiet, Duration mergeWindow, Duration maxAge, Composer composer, ContactKeys keys) {
        this.quiet = quiet;
        this.mergeWindow = mergeWindow;
        this.maxAge = maxAge;
        this.composer = composer;
        this.keys = keys;
    }

    /** The decisions: messages to send now, and every message's outcome that is not "sent" (held, merged, suppressed). */
    public record Plan(CaseMemo memo, List<NotificationRequest> send, List<Noted> noted) {
    }

    /** A message with what became of it before any channel saw it. */
    public record Noted(NotificationRequest request, MessageOutcome outcome) {
    }

    /** A new version of a case. */
    public Plan onCase(CaseState state, CaseMemo known, boolean optedOut, Instant now) {
        CaseMemo memo = known == null ? CaseMemo.first() : known;
        if (state.version() <= memo.version()) {
            return new Plan(memo, List.of(), List.of());
        }
        List<Change> changes = changes(state, memo, now);
        if (changes.isEmpty() && state.status() == memo.status()) {
            // nothing to tell: the memo stays as it is, so the store writes nothing for this version
            return new Plan(memo, List.of(), List.of());
        }
        List<NotificationRequest> send = new ArrayList<>();
        List<Noted> noted = new ArrayList<>();
        // the contact is opened (a decryption) only when there is something to tell
        Optional<Reach> reach = changes.isEmpty() ? Optional.empty() : Reach.of(state, keys);
        for (Change change : changes) {
            if (reach.isEmpty()) {
                continue;
            }
            NotificationRequest request = composer.compose(state, change.event(), change.version(), reach.get(), now);
            if (optedOut) {
                noted.add(new Noted(request, outcome(request, "suppressed", now, "the resident sent STOP")));
                continue;
            }
            memo = change.event().immediate()
                    ? immediate(memo, request, now, send, noted)
                    : minor(memo, request, now, send, noted);
        }
        return new Plan(memo.withSeen(state.version(), state.status()), send, noted);
    }

    /** Held messages whose time has come, in the order they were held. */
    public Plan release(CaseMemo memo, Instant now) {
        List<NotificationRequest> send = new ArrayList<>();
        List<CaseMemo.Held> still = new ArrayList<>();
        CaseMemo next = memo;
        for (CaseMemo.Held held : memo.held()) {
            if (held.releaseAt().isAfter(now)) {
                still.add(held);
                continue;
            }
            send.add(held.request());
            if (!NoticeEvent.immediate(held.request().event())) {
                next = next.withLastMinorAt(now);
            }
        }
        return new Plan(next.withHeld(still), send, List.of());
    }

    private CaseMemo immediate(CaseMemo memo, NotificationRequest request, Instant now,
                               List<NotificationRequest> send, List<Noted> noted) {
        List<String> merged = new ArrayList<>();
        List<CaseMemo.Held> kept = new ArrayList<>();
        for (CaseMemo.Held held : memo.held()) {
            if (NoticeEvent.immediate(held.request().event())) {
                kept.add(held);
            } else {
                merged.addAll(held.request().merged());
                merged.add(held.request().event());
                noted.add(new Noted(held.request(), outcome(held.request(), "merged", now, "merged into " + request.event())));
            }
        }
        // a case changing all night long holds a few messages, not one per change: the oldest stands down for the newest
        while (kept.size() >= HELD_AT_MOST) {
            NotificationRequest oldest = kept.remove(0).request();
            merged.addAll(oldest.merged());
            merged.add(oldest.event());
            noted.add(new Noted(oldest, outcome(oldest, "merged", now, "merged into " + request.event())));
        }
        NotificationRequest message = withMerged(request, merged);
        CaseMemo next = memo.withHeld(kept);
        Instant allowed = request.urgent() ? now : quiet.nextAllowed(now);
        if (allowed.isAfter(now) || !kept.isEmpty()) {
            Instant at = kept.isEmpty() ? allowed : latest(allowed, kept);
            noted.add(new Noted(message, outcome(message, "held", now, "held until " + local(at))));
            return next.plusHeld(new CaseMemo.Held(message, at));
        }
        send.add(message);
        return next;
    }

    private CaseMemo minor(CaseMemo memo, NotificationRequest request, Instant now,
                           List<NotificationRequest> send, List<Noted> noted) {
        Optional<CaseMemo.Held> waiting = memo.held().stream()
                .filter(h -> !NoticeEvent.immediate(h.request().event())).findFirst();
        if (waiting.isPresent()) {
            CaseMemo.Held old = waiting.get();
            List<String> merged = new ArrayList<>(old.request().merged());
            merged.add(old.request().event());
            NotificationRequest message = withMerged(request, merged);
            noted.add(new Noted(old.request(), outcome(old.request(), "merged", now, "merged into " + request.event())));
            noted.add(new Noted(message, outcome(message, "held", now, "held until " + local(old.releaseAt()))));
            List<CaseMemo.Held> held = new ArrayList<>(memo.held());
            held.set(held.indexOf(old), new CaseMemo.Held(message, old.releaseAt()));
            return memo.withHeld(held);
        }
        Instant windowEnd = memo.lastMinorAt() == null ? now : memo.lastMinorAt().plus(mergeWindow);
        Instant at = request.urgent() ? latest(now, windowEnd) : quiet.nextAllowed(latest(now, windowEnd));
        if (at.isAfter(now)) {
            noted.add(new Noted(request, outcome(request, "held", now, "held until " + local(at))));
            return memo.plusHeld(new CaseMemo.Held(request, at));
        }
        send.add(request);
        return memo.withLastMinorAt(now);
    }

    /** Whether a change at {@code at} is recent enough to tell anyone of, seen at {@code now}. */
    public boolean fresh(Instant at, Instant now) {
        return at == null || !at.isBefore(now.minus(maxAge));
    }

    /** Status changes after the last version seen, oldest first; none older than {@code maxAge}. */
    List<Change> changes(CaseState state, CaseMemo memo, Instant now) {
        List<Change> changes = new ArrayList<>();
        CaseStatus previous = memo.status();
        Instant oldest = now.minus(maxAge);
        List<HistoryEntry> history = state.history() == null || state.history().isEmpty()
                ? List.of(new HistoryEntry(state.version(), state.updatedAt(), null, null, state.status(), null))
                : state.history().stream().sorted(Comparator.comparingLong(HistoryEntry::version)).toList();
        for (HistoryEntry entry : history) {
            if (entry.status() == null || entry.status() == previous) {
                continue;
            }
            boolean fresh = entry.at() == null || !entry.at().isBefore(oldest);
            if (entry.version() > memo.version() && fresh) {
                Optional<NoticeEvent> event = NoticeEvent.on(entry.status());
                // "received" only once, for the case's first state: a reassignment is not news to the resident
                if (event.isPresent() && (event.get() != NoticeEvent.RECEIVED || previous == null)) {
                    changes.add(new Change(entry.version(), event.get()));
                }
            }
            previous = entry.status();
        }
        return changes;
    }

    record Change(long version, NoticeEvent event) {
    }

    /** Each merged event once, oldest first, and not its own: however many updates a message stands for, the list stays short. */
    private static NotificationRequest withMerged(NotificationRequest r, List<String> merged) {
        List<String> others = merged.stream().filter(event -> !event.equals(r.event())).distinct().toList();
        return new NotificationRequest(r.schemaVersion(), r.idempotencyKey(), r.caseId(), r.caseVersion(), r.trackingCode(),
                r.event(), r.channel(), r.recipient(), r.template(), r.language(), r.subject(), r.text(), r.urgent(),
                r.requestedAt(), others, r.interactedAt(), r.unicode(), r.phone(), r.sealedContact());
    }

    static MessageOutcome outcome(NotificationRequest r, String status, Instant at, String note) {
        return new MessageOutcome(MessageOutcome.SCHEMA_VERSION, r.idempotencyKey(), r.caseId(), r.event(), r.channel(),
                r.template(), status, at, note, null);
    }

    private static Instant latest(Instant at, List<CaseMemo.Held> held) {
        Instant latest = at;
        for (CaseMemo.Held h : held) {
            latest = latest(latest, h.releaseAt());
        }
        return latest;
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private String local(Instant at) {
        return LocalTime.ofInstant(at, quiet.zone()).format(HOUR);
    }
}
