package io.langnghe.routing;

import io.langnghe.contracts.CaseState;
import io.langnghe.contracts.Category;
import io.langnghe.contracts.Classification;
import io.langnghe.routing.cases.CaseOpening;
import io.langnghe.routing.cases.DeadlinesFile;
import io.langnghe.routing.cases.UrgentWords;
import io.langnghe.routing.intake.Routing;
import io.langnghe.routing.lifecycle.Deadlines.Steps;
import io.langnghe.routing.lifecycle.Deadlines;
import io.langnghe.routing.lifecycle.Within;
import io.langnghe.routing.lifecycle.WorkingCalendar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.langnghe.routing.TestFeedback.feedback;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Urgent petitions and each category's own times: what a case opened on Monday 15/9/2025, 09:00 in Hà Nội, owes. */
class DeadlinePolicyTest {

    static final WorkingCalendar calendar = WorkingCalendar.loadDefault();
    static final Instant monday9 = Instant.parse("2025-09-15T02:00:00Z");
    static final UrgentWords urgentWords = UrgentWords.loadDefault();

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # petition                                                        | urgent because
            Cháy nhà ở ngõ 5, khói mù mịt, đề nghị hỗ trợ gấp                  | cháy
            chay nha o ngo 5 roi, khoi mu mit                                  | chay nha
            Con tôi bị ĐIỆN GIẬT do dây điện rơi xuống ngõ                     | điện giật
            dien giat o cot dien dau ngo                                       | dien giat
            Cả xóm bị ngộ độc sau đám cưới tối qua                             | ngộ độc
            ca xom bi ngo doc sau dam cuoi                                     | ngo doc
            Mất điện toàn khu từ sáng, người già nóng không chịu nổi           | mất điện toàn khu
            Vỡ ống nước trước chợ, nước tràn ra đường                          | vỡ ống nước
            Bức tường nhà bỏ hoang sắp sập xuống lối đi                        | sập
            Một cháu bé đuối nước ở ao đầu làng                                | đuối nước
            Xe máy chạy quá nhanh trong ngõ                                    |              # chạy (to run) is not cháy
            xe chay qua nhanh trong ngo                                        |              # nor typed without diacritics
            Cống thoát nước trước nhà số 12 ngõ 5 bị tắc, mùi hôi bốc lên      |
            mat dien tu chieu                                                  |              # an outage of one house is not urgent
            Lớp học thêm đông học sinh, không đảm bảo an toàn phòng cháy       |              # fire prevention is not a fire
            Cháy bếp nhà bên, dù đã kiểm tra phòng cháy tuần trước             | cháy         # but a fire still is
            Xe tải nổ máy từ 4 giờ sáng, rất ồn                                |              # nor is starting an engine
            """)
    void findsTheUrgentPetitions(String text, String because) {
        String expected = because == null ? "" : because.replaceAll("\\s*#.*", "");
        assertThat(urgentWords.find(text).orElse("")).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}, urgent={1} → acknowledge by {2}")
    @CsvSource(delimiter = '|', textBlock = """
            # category      | urgent | acknowledge by
            moi_truong      | false  | 2025-09-16T02:00:00Z     # 1 working day, the default
            moi_truong      | true   | 2025-09-15T04:00:00Z     # 2 hours
            an_ninh_trat_tu | false  | 2025-09-15T06:00:00Z     # its own 4 hours
            an_ninh_trat_tu | true   | 2025-09-15T04:00:00Z     # urgent wins
            dat_dai         | false  | 2025-09-18T02:00:00Z     # its own 3 working days
            """)
    void givesEachCaseItsTimeToAcknowledge(String category, boolean urgent, String due) {
        Deadlines deadlines = new Deadlines(calendar, new Steps(Within.workingDays(1), Within.workingDays(10)),
                Map.of(Category.AN_NINH_TRAT_TU, new Steps(Within.hours(4), Within.workingDays(5)),
                        Category.DAT_DAI, new Steps(Within.workingDays(3), Within.workingDays(20))),
                Deadlines.URGENT);

        assertThat(deadlines.opened(monday9, Category.fromCode(category).orElseThrow(), urgent))
                .isEqualTo(Instant.parse(due.replaceAll("\\s*#.*", "")));
    }

    @Test
    void opensAnUrgentCaseWithTheReasonInItsHistory() {
        CaseOpening opening = new CaseOpening(new Deadlines(calendar, 1, 10));
        Routing routing = new Routing(new Classification(Category.DIEN_NUOC, 0.9, List.of("mất điện")), "kinh_te_ha_tang_do_thi", false, null);

        CaseState urgent = opening.open(feedback().text("Mất điện toàn khu tổ 5 từ 6 giờ sáng").build(), routing, monday9);
        CaseState usual = opening.open(feedback().build(), routing, monday9);

        assertThat(urgent.urgent()).isTrue();
        assertThat(urgent.dueAt()).isEqualTo(Instant.parse("2025-09-15T04:00:00Z"));
        assertThat(urgent.history().get(0).note()).endsWith("khẩn / urgent: mất điện toàn khu");
        assertThat(usual.urgent()).isFalse();
        assertThat(usual.dueAt()).isEqualTo(Instant.parse("2025-09-16T02:00:00Z"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"10d, 10, true", "2h, 2, false", " 1d , 1, true"})
    void readsATimeAllowed(String text, int amount, boolean workingDays) {
        assertThat(Within.parse(text)).isEqualTo(new Within(amount, workingDays));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"10", "2 weeks", "-1d", "d"})
    void refusesAMalformedTimeAllowed(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> Within.parse(text)).withMessageContaining("10d");
    }

    @Test
    void theShippedFileIsValid() {
        DeadlinesFile file = DeadlinesFile.loadDefault();

        assertThat(file.perCategory()).isEmpty();
        assertThat(file.urgent()).contains("cháy", "điện giật", "sập", "ngộ độc", "đuối nước", "mất điện toàn khu", "vỡ ống nước");
    }
}
