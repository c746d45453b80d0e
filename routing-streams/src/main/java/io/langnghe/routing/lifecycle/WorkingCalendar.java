package io.langnghe.routing.lifecycle;

import io.langnghe.routing.YamlResource;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The ward's working days: Monday to Friday, less the public holidays of {@code taxonomy/holidays.yml}
 * (Tết, Giỗ Tổ Hùng Vương, 30/4, 1/5, 2/9 and the days the Government adds around them).
 * <pre>
 *   plusWorkingDays(t, n) = the same local time, n working days after t's day;
 *                           a petition on a day off counts from the next working day's opening
 * </pre>
 * A year missing from the file has weekends only: {@link #years()} lets start-up say so.
 */
public final class WorkingCalendar {

    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final String RESOURCE = "/taxonomy/holidays.yml";

    private final ZoneId zone;
    private final LocalTime opening;
    private final Set<LocalDate> holidays;
    private final Set<Integer> years;

    public WorkingCalendar(ZoneId zone, LocalTime opening, Set<LocalDate> holidays, Set<Integer> years) {
        this.zone = zone;
        this.opening = opening;
        this.holidays = Set.copyOf(holidays);
        this.years = Set.copyOf(years);
    }

    /** The holidays of {@code taxonomy/holidays.yml}, in Vietnam's time, offices opening at 07:30. */
    public static WorkingCalendar loadDefault() {
        HolidaysFile file = YamlResource.read(RESOURCE, HolidaysFile.class);
        Set<LocalDate> days = new HashSet<>();
        file.years().forEach((year, holidays) -> holidays.forEach(holiday -> days.addAll(holiday.days(year))));
        return new WorkingCalendar(VIETNAM, LocalTime.of(7, 30), days, file.years().keySet());
    }

    public boolean isWorkingDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY && !holidays.contains(day);
    }

    public Instant plusWorkingDays(Instant from, int days) {
        ZonedDateTime start = from.atZone(zone);
        LocalDate day = start.toLocalDate();
        LocalTime time = start.toLocalTime();
        if (!isWorkingDay(day)) {
            day = nextWorkingDay(day);
            time = opening;
        }
        for (int i = 0; i < days; i++) {
            day = nextWorkingDay(day);
        }
        return day.atTime(time).atZone(zone).toInstant();
    }

    /** The years the holidays file covers. */
    public Set<Integer> years() {
        return new TreeSet<>(years);
    }

    private LocalDate nextWorkingDay(LocalDate day) {
        LocalDate next = day.plusDays(1);
        while (!isWorkingDay(next)) {
            next = next.plusDays(1);
        }
        return next;
    }

    record HolidaysFile(Map<Integer, List<Holiday>> years) {
    }

    /** One holiday: a {@code date}, or a run {@code from}–{@code to} (both included). */
    record Holiday(LocalDate date, LocalDate from, LocalDate to, String name) {

        List<LocalDate> days(int year) {
            List<LocalDate> days = date != null ? List.of(date)
                    : from != null && to != null && !to.isBefore(from) ? from.datesUntil(to.plusDays(1)).toList()
                    : List.of();
            if (days.isEmpty() || days.stream().anyMatch(d -> d.getYear() != year)) {
                throw new IllegalStateException(RESOURCE + ": '" + name + "' of " + year + " needs a date or from/to within the year");
            }
            return days;
        }
    }
}
