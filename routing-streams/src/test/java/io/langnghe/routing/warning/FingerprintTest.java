package io.langnghe.routing.warning;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Whether two petitions read as the same problem, as an officer would judge them. */
class FingerprintTest {

    @ParameterizedTest(name = "{2}: {0} ~ {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Cống thoát nước ở ngõ 45 đường Lê Lai bị tắc, nước bẩn tràn ra ngõ. | cong ngo 45 le lai bi tac, nuoc ban tran vao nha dan | same
            Cống thoát nước ở ngõ 45 đường Lê Lai bị tắc, nước bẩn tràn ra ngõ. | Ngõ 45 Lê Lai ngập nước bẩn do cống tắc đã ba ngày. | same
            Quán karaoke Hoàng Gia ở số 18 đường Trần Phú hát to đến 1 giờ sáng, cả nhà không ngủ được. | Đêm nay karaoke Hoàng Gia số 18 Trần Phú lại hát ầm ĩ quá nửa đêm, đề nghị phường xử lý. | same
            Đèn đường trên đường Dương Đình Nghệ đoạn qua tổ 7 mất điện cả dãy, tối om. | Cả đoạn đường Dương Đình Nghệ đèn đường không sáng từ tối nay, tối om. | same
            Sau khi ăn cỗ cưới ở ngõ 12 đường Lý Thường Kiệt, cả nhà tôi đau bụng, nôn mửa, nghi ngộ độc thực phẩm. | ngo doc thuc pham sau dam cuoi ngo 12 ly thuong kiet, nha toi 3 nguoi bi non | same
            Cống thoát nước ở ngõ 45 đường Lê Lai bị tắc, nước bẩn tràn ra ngõ. | Cống thoát nước ở ngõ 12 đường Lê Lai bị tắc, nước bẩn tràn ra ngõ. | different
            Đèn đường trong ngõ 14 Trần Phú hỏng bóng đã 3 ngày, tối đi lại khó khăn. | Đèn đường trong ngõ 88 Nguyễn Du hỏng bóng đã 5 ngày, tối đi lại khó khăn. | different
            Quán karaoke Hoàng Gia ở số 18 đường Trần Phú hát to đến 1 giờ sáng. | Rác thải tập kết ở đầu ngõ 18 đường Trần Phú mấy ngày chưa được thu gom. | different
            Mặt đường Lê Lai đoạn trước số 40 bị lún thành ổ gà lớn. | Nhóm thanh niên tụ tập rú ga xe máy trên đường Lê Lai sau 11 giờ đêm. | different
            """)
    void tellsTheSameProblemFromAnotherOne(String a, String b, String verdict) {
        double similarity = Fingerprint.of(a).similarity(Fingerprint.of(b));

        if (verdict.equals("same")) {
            assertThat(similarity).as("similarity").isGreaterThanOrEqualTo(0.25);
        } else {
            assertThat(similarity).as("similarity").isLessThan(0.25);
        }
    }
}
