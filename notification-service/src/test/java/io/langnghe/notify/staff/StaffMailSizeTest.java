package io.langnghe.notify.staff;

import io.langnghe.contracts.Alert;
import io.langnghe.contracts.Category;
import io.langnghe.contracts.NotificationRequest;
import io.langnghe.contracts.taxonomy.Taxonomy;
import io.langnghe.notify.TestCases;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Staff mail in a flood: the counts stay whole, the lists of links stop at a hundred, the mail stays small. */
class StaffMailSizeTest {

    private static final StaffMail STAFF = new StaffMail("phuong.example", "lanhdao", "https://canbo.example/officer.html#case=");
    private static final Instant NOW = Instant.parse("2026-11-26T00:00:00Z");

    @Test
    void aDigestOfFiveThousandNewCasesCountsThemAllAndLinksTheOldestHundred() {
        List<OpenCase> open = IntStream.range(0, 5_000)
                .mapToObj(i -> OpenCase.of(TestCases.smsCase().id("case-" + i).receivedAt(NOW.minusSeconds(5_000 - i)).build())).toList();

        List<NotificationRequest> mails = new MorningDigest(STAFF, Taxonomy.loadDefault(), "vi").of(open, LocalDate.of(2026, 11, 26), NOW);

        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).subject()).endsWith(": 5000 mới, 0 sắp hạn, 0 quá hạn");
        assertThat(mails.get(0).text()).contains("Mới (5000)", "#case=case-0\n", "#case=case-99\n", "... và 4900 kiến nghị khác trong hàng đợi")
                .doesNotContain("#case=case-100\n");
        assertThat(mails.get(0).text().getBytes(StandardCharsets.UTF_8).length).isLessThan(16 * 1024);
    }

    @Test
    void anAlertAboutFiveThousandCasesLinksAHundredAndSaysHowManyMore() {
        Alert alert = new Alert(Alert.SCHEMA_VERSION, "alert-1", "cluster:c-1", "critical", 95,
                List.of(new Alert.Reason("reporters", "5000 người báo cùng một việc", 60)),
                IntStream.range(0, 5_000).mapToObj(i -> "case-" + i).toList(), "kinh_te_ha_tang_do_thi", "tdp-05",
                Category.GIAO_THONG_HA_TANG, NOW);

        List<NotificationRequest> mails = new Escalations(STAFF, Taxonomy.loadDefault(), "vi").alert(alert, NOW);

        assertThat(mails).extracting(NotificationRequest::recipient)
                .containsExactly("truongphong.kinh_te_ha_tang_do_thi@phuong.example", "lanhdao@phuong.example");
        assertThat(mails.get(0).text()).contains("#case=case-99\n", "... và 4900 hồ sơ khác").doesNotContain("#case=case-100\n");
        assertThat(mails.get(0).text().getBytes(StandardCharsets.UTF_8).length).isLessThan(16 * 1024);
    }
}
