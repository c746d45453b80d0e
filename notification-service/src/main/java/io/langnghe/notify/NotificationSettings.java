package io.langnghe.notify;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * The rules of resident messages, from {@code langnghe.notifications.*}.
 *
 * @param zone          the ward's time zone: quiet hours are local
 * @param quietFrom     no message from this time ...
 * @param quietUntil    ... until this one (urgent cases excepted), when what was held goes out
 * @param mergeWindow   received / acknowledged / in-progress updates closer than this become one message
 * @param releaseEvery  how often (wall clock) held messages are looked at
 * @param maxAge        a change older than this when first seen (a new deployment reading old cases) tells nobody
 * @param trackingUrl   the resident's tracking page; the tracking code is appended
 * @param language      vi or en: the language of resident messages
 * @param smsUnicode    the ward's choice: SMS with diacritics in UCS-2 parts rather than one GSM-7 part without
 * @param smsMaxParts   never more SMS parts than this
 */
@ConfigurationProperties("langnghe.notifications")
public record NotificationSettings(
        String zone,
        String quietFrom,
        String quietUntil,
        Duration mergeWindow,
        Duration releaseEvery,
        Duration maxAge,
        String trackingUrl,
        String language,
        boolean smsUnicode,
        int smsMaxParts) {

    /** The ward's zone, e.g. Asia/Ho_Chi_Minh (written as text in the configuration, read here). */
    public ZoneId zoneId() {
        return ZoneId.of(zone);
    }

    public QuietHoursTimes quietHours() {
        return new QuietHoursTimes(LocalTime.parse(quietFrom), LocalTime.parse(quietUntil));
    }

    /** Quiet hours' start and end as local times. */
    public record QuietHoursTimes(LocalTime from, LocalTime until) {
    }
}
