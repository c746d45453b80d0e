package io.langnghe.notify;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/** Times as the ward reads them: "HH:mm" on the test day (26 Nov 2026), or "HH:mm+n" n days later, in Đông Sơn. */
public final class WardTime {

    public static final ZoneId WARD = ZoneId.of("Asia/Ho_Chi_Minh");
    public static final LocalDate DAY = LocalDate.of(2026, 11, 26);

    private WardTime() {
    }

    public static Instant at(String local) {
        String[] parts = local.split("\\+");
        LocalDate day = parts.length > 1 ? DAY.plusDays(Integer.parseInt(parts[1])) : DAY;
        return day.atTime(LocalTime.parse(parts[0])).atZone(WARD).toInstant();
    }
}
