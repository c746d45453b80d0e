package io.langnghe.notify.text;

import io.langnghe.contracts.CaseStatus;
import io.langnghe.contracts.NotificationRequest;
import io.langnghe.contracts.taxonomy.Taxonomy;
import io.langnghe.notify.TestCases;
import io.langnghe.notify.plan.Composer;
import io.langnghe.notify.plan.NoticeEvent;
import io.langnghe.notify.plan.Reach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** SMS texts as a phone counts them: GSM-7 without diacritics in one part, UCS-2 when the ward chooses, never over 3 parts. */
class SmsTextTest {

    static final Templates TEMPLATES = Templates.load(List.of("sms", "zalo", "email"),
            Arrays.stream(NoticeEvent.values()).map(NoticeEvent::code).toList(), List.of("vi", "en"));
    static final Instant NOW = Instant.parse("2026-11-26T03:00:00Z");
    static final String LONG_ANSWER = "Phòng Kinh tế, Hạ tầng và Đô thị đã kiểm tra hiện trường ngõ 5, "
            + "thay bóng đèn và dây dẫn bị chập, đồng thời đề nghị Điện lực Đông Sơn kiểm tra tủ điện chiếu sáng "
            + "của cả tuyến phố; nếu đèn còn hỏng, bà con báo lại qua số của phường hoặc tổ trưởng tổ dân phố. "
            + "Cảm ơn bà con đã phản ánh kịp thời để phường xử lý. Tuần tới, phường sẽ rà soát toàn bộ đèn chiếu sáng "
            + "của các ngõ trong tổ dân phố số 5 và báo cáo kết quả tại buổi họp tổ.";

    @ParameterizedTest(name = "{0} chars, unicode {1}: {2} part(s)")
    @CsvSource({
            // length, UCS-2, parts
            "160, false, 1",
            "161, false, 2",
            "306, false, 2",
            "307, false, 3",
            "70,  true,  1",
            "71,  true,  2",
            "201, true,  3",
            "202, true,  4",
    })
    void countsPartsAsPhonesDo(int length, boolean unicode, int parts) {
        assertThat(SmsText.parts("a".repeat(length), unicode)).isEqualTo(parts);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // written                            | sent as GSM-7
            "Đèn đường ngõ 5 hỏng                  | Den duong ngo 5 hong",
            "Kiến nghị “đã xong” – cảm ơn…        | Kien nghi \"da xong\" - cam on...",
            "ĐỒNG Ý                                | DONG Y",
    })
    void writesVietnameseWithoutDiacriticsInGsm7(String written, String sent) {
        SmsText.Encoded encoded = SmsText.encode(written, false);
        assertThat(encoded.text()).isEqualTo(sent);
        assertThat(encoded.unicode()).isFalse();
        assertThat(SmsText.isGsm7(encoded.text())).isTrue();
    }

    @Test
    void extensionCharactersCountTwice() {
        assertThat(SmsText.parts("[".repeat(80), false)).isEqualTo(1);
        assertThat(SmsText.parts("[".repeat(81), false)).isEqualTo(2);
    }

    @Test
    void receivedFitsOneGsm7PartWithItsCodeAndLink() {
        NotificationRequest sms = compose(false, NoticeEvent.RECEIVED, TestCases.smsCase());
        assertThat(sms.unicode()).isFalse();
        assertThat(SmsText.parts(sms.text(), false)).isEqualTo(1);
        assertThat(sms.text()).startsWith("Lang Nghe: Phuong da nhan kien nghi cua ban. Ma tra cuu: ")
                .contains(trackingCodeOf(TestCases.smsCase()))
                .endsWith("https://langnghe.example/track.html?code=" + TestCases.smsCase().build().trackingCode());
    }

    @Test
    void shortensALongAnswerToThreePartsAndKeepsTheLink() {
        for (boolean unicode : List.of(false, true)) {
            NotificationRequest sms = compose(unicode, NoticeEvent.ANSWERED,
                    TestCases.smsCase().answer(LONG_ANSWER).then(CaseStatus.ANSWERED, NOW));
            assertThat(sms.unicode()).isEqualTo(unicode);
            assertThat(SmsText.parts(sms.text(), unicode)).as("unicode " + unicode).isBetween(2, 3);
            assertThat(sms.text()).contains("...").endsWith(TestCases.smsCase().build().trackingCode());
        }
    }

    @Test
    void keepsDiacriticsWhenTheWardChoosesUnicode() {
        NotificationRequest sms = compose(true, NoticeEvent.ACKNOWLEDGED, TestCases.smsCase());
        assertThat(sms.unicode()).isTrue();
        assertThat(sms.text()).contains("Phòng Kinh tế, Hạ tầng và Đô thị đã tiếp nhận kiến nghị");
    }

    @Test
    void neverCarriesAPhoneNumberOrAnEmailAddressFromTheAnswer() {
        NotificationRequest sms = compose(false, NoticeEvent.ANSWERED, TestCases.smsCase()
                .answer("Đã sửa. Ông Bình (0912 345 678, binh@example.vn) sẽ kiểm tra lại; người báo +84901234567.")
                .then(CaseStatus.ANSWERED, NOW));
        assertThat(sms.text()).doesNotContain("0912", "345 678", "binh@", "+84901234567", "84901234567")
                .contains("Da sua. Ong Binh (***, ***) se kiem tra lai; nguoi bao ***.");
    }

    @Test
    void saysWhyARejectedCaseWasRejected() {
        NotificationRequest sms = compose(false, NoticeEvent.REJECTED, TestCases.smsCase()
                .then(CaseStatus.REJECTED, NOW, "Việc tranh chấp giữa hai hộ thuộc thẩm quyền tòa án."));
        assertThat(sms.text()).contains("Ly do: Viec tranh chap giua hai ho thuoc tham quyen toa an.");
    }

    private static NotificationRequest compose(boolean unicode, NoticeEvent event, TestCases cases) {
        Composer composer = new Composer(TEMPLATES, Taxonomy.loadDefault(), "https://langnghe.example/track.html?code=", "vi",
                unicode, 3);
        var state = cases.build();
        return composer.compose(state, event, state.version(), Reach.of(state).orElseThrow(), NOW);
    }

    private static String trackingCodeOf(TestCases cases) {
        return io.langnghe.contracts.TrackingCode.display(cases.build().trackingCode());
    }
}
