package io.langnghe.routing.lifecycle;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.LocalDateTime;

import static org.assertj.core.api.Assertions.assertThat;

class WorkingCalendarTest {

    static final WorkingCalendar calendar = WorkingCalendar.loadDefault();

    @ParameterizedTest(name = "{0} + {1} working days = {2}")
    @CsvSource(delimiter = '|', textBlock = """
            # received (Hà Nội time) | days | due (Hà Nội time)
            2026-02-12T09:00         | 1    | 2026-02-13T09:00    # Thursday → Friday
            2026-02-13T10:00         | 1    | 2026-02-23T10:00    # the Friday before Tết → the Monday after it
            2026-02-12T09:00         | 10   | 2026-03-05T09:00    # ten working days across Tết
            2026-02-17T11:00         | 1    | 2026-02-24T07:30    # on mùng 1 Tết: counted from the first working day's opening
            2026-03-07T15:00         | 1    | 2026-03-10T07:30    # on a Saturday
            2026-04-24T14:00         | 1    | 2026-04-28T14:00    # Giỗ Tổ on Sunday 26/4, made up on Monday 27/4
            2026-04-29T08:00         | 1    | 2026-05-04T08:00    # 30/4 and 1/5, then the weekend
            2026-08-31T16:00         | 1    | 2026-09-03T16:00    # Quốc khánh 1–2/9
            2026-12-31T09:00         | 1    | 2027-01-04T09:00    # Tết Dương lịch 2027 on Friday
            2027-02-04T09:00         | 1    | 2027-02-11T09:00    # Tết Đinh Mùi, 5–10 February
            2027-04-29T09:00         | 1    | 2027-05-04T09:00    # 30/4, 1/5 on Saturday made up on Monday 3/5
            2025-09-12T09:00         | 1    | 2025-09-15T09:00    # a year not in the file: weekends only
            """)
    void skipsWeekendsAndHolidays(String received, int days, String dueAndComment) {
        Instant from = LocalDateTime.parse(received).atZone(WorkingCalendar.VIETNAM).toInstant();
        Instant due = LocalDateTime.parse(dueAndComment.replaceAll("\\s*#.*", "")).atZone(WorkingCalendar.VIETNAM).toInstant();

        assertThat(calendar.plusWorkingDays(from, days)).isEqualTo(due);
    }

    @Test
    void coversTheYearsOfTheHolidaysFile() {
        assertThat(calendar.years()).contains(2026, 2027);
        assertThat(calendar.isWorkingDay(java.time.LocalDate.parse("2026-02-16"))).isFalse();
        assertThat(calendar.isWorkingDay(java.time.LocalDate.parse("2026-02-23"))).isTrue();
    }
}
