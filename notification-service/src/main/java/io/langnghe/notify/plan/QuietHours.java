package io.langnghe.notify.plan;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** Local night hours without messages, e.g. 21:00–07:00 in Asia/Ho_Chi_Minh; the span may cross midnight. */
public record QuietHours(ZoneId zone, LocalTime from, LocalTime until) {

    public boolean isQuiet(Instant at) {
        LocalTime local = at.atZone(zone).toLocalTime();
        return from.isAfter(until)
                ? !local.isBefore(from) || local.isBefore(until)
                : !local.isBefore(from) && local.isBefore(until);
    }

    /** {@code at} itself outside quiet hours, else the end of the quiet span it falls in. */
    public Instant nextAllowed(Instant at) {
        if (!isQuiet(at)) {
            return at;
        }
        ZonedDateTime local = at.atZone(zone);
        ZonedDateTime end = local.with(until).withSecond(0).withNano(0);
        return (end.isAfter(local) ? end : end.plusDays(1)).toInstant();
    }
}
