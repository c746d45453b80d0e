package io.langnghe.search.publicread;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.text.Normalizer;

import static org.assertj.core.api.Assertions.assertThat;

class TextMaskingTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Gọi tôi số 0912345678 nhé                         | Gọi tôi số [số điện thoại] nhé
            Gọi tôi số 0912 345 678 nhé                       | Gọi tôi số [số điện thoại] nhé
            SĐT: 0912.345.678.                                | SĐT: [số điện thoại].
            Liên hệ +84 912 345 678 hoặc 84912345678          | Liên hệ [số điện thoại] hoặc [số điện thoại]
            Máy bàn 0237-3852-123 giờ hành chính              | Máy bàn [số điện thoại] giờ hành chính
            Zalo:0987654321                                   | Zalo:[số điện thoại]
            Email an.nguyen@example.com.vn, gửi giúp          | Email [email], gửi giúp
            CCCD 038123456789 bị giữ                          | CCCD [số giấy tờ] bị giữ
            Tôi là Nguyễn Văn An, ở tổ 5                      | Tôi là [họ tên], ở tổ 5
            tên tôi là Trần Thị Bình. Nhà số 12               | tên tôi là [họ tên]. Nhà số 12
            Tôi tên Lan, bán rau ở chợ                        | Tôi tên [họ tên], bán rau ở chợ
            Họ tên: LÊ VĂN CƯỜNG                              | Họ tên: [họ tên]
            Họ và tên: Phạm Thu Hà                            | Họ và tên: [họ tên]
            toi la Nguyen Van Hung o ngo 5                    | toi la [họ tên] o ngo 5
            Cháu là Đặng Minh Đức học lớp 5                   | Cháu là [họ tên] học lớp 5
            Tôi là bà Hoa, nhà cạnh chợ                       | Tôi là bà [họ tên], nhà cạnh chợ
            Người gửi: Vũ Đình Khoa                           | Người gửi: [họ tên]
            Gọi 0912-345-678 hoặc 0912 - 345 - 678            | Gọi [số điện thoại] hoặc [số điện thoại]
            Số 0 9 1 2 3 4 5 6 7 8 nhé                        | Số [số điện thoại] nhé
            Gọi 0912  345  678 (hai dấu cách)                 | Gọi [số điện thoại] (hai dấu cách)
            Máy bàn (0237) 3852 123                           | Máy bàn [số điện thoại]
            Gọi +84 (0) 912 345 678                           | Gọi [số điện thoại]
            Gọi ０９１２３４５６７８ nhé                      | Gọi [số điện thoại] nhé
            Gọi ０９１２ ３４５ ６７８ nhé                    | Gọi [số điện thoại] nhé
            Gọi ＋８４ ９１２ ３４５ ６７８                   | Gọi [số điện thoại]
            Gọi 0912–345–678 (gạch ngang dài)                 | Gọi [số điện thoại] (gạch ngang dài)
            Email an@example.vn hay ＡＮ＠ＥＸＡＭＰＬＥ．ＶＮ | Email [email] hay [email]
            CCCD 038 123 456 789 bị giữ                       | CCCD [số giấy tờ] bị giữ
            CCCD ０３８１２３４５６７８９                     | CCCD [số giấy tờ]
            tôi là nguyễn văn an ở tổ 5                       | tôi là [họ tên] ở tổ 5
            toi la tran thi binh, nha so 12                   | toi la [họ tên], nha so 12
            TÔI LÀ NGUYỄN VĂN AN, Ở TỔ 5                      | TÔI LÀ [họ tên], Ở TỔ 5
            tên tôi là lê văn tám đã báo 2 lần                | tên tôi là [họ tên] đã báo 2 lần
            """)
    void masksWhatIdentifiesTheWriter(String written, String shown) {
        assertThat(TextMasking.mask(written)).isEqualTo(shown);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Cống thoát nước trước nhà số 12 ngõ 5 bị tắc
            Tôi là người dân tổ 5, đèn đường hỏng 3 ngày
            tôi là người dân tổ 5, chưa ai sửa
            Thu 1.500.000.000 đồng cho cả khu
            Tổ 5 có 123 456 789 con muỗi
            Thu phí 1.500.000 đồng mỗi hộ là sai
            Từ 2025-07-01 đến 15/07/2025 vẫn chưa sửa
            Mã hồ sơ K7MX-Q2PA-9C
            Xe biển 36A-123.45 đỗ chắn lối
            """)
    void leavesEverythingElseAsWritten(String written) {
        assertThat(TextMasking.mask(written)).isEqualTo(written);
    }

    @Test
    void masksTheContactsOwnNameWhereverItIsWrittenInAnyCase() {
        assertThat(TextMasking.mask("Ông NGUYỄN VĂN AN ở ngõ 5 nhờ phản ánh; Nguyễn Văn An đã gọi 2 lần", "Nguyễn Văn An"))
                .isEqualTo("Ông [họ tên] ở ngõ 5 nhờ phản ánh; [họ tên] đã gọi 2 lần");
        assertThat(TextMasking.mask("Anh Antoine ở đây", "An")).isEqualTo("Anh Antoine ở đây");
    }

    @Test
    void scriptsAreLeftForThePageToEscapeAndNullStaysNull() {
        assertThat(TextMasking.mask("<script>alert(1)</script> gọi 0912345678"))
                .isEqualTo("<script>alert(1)</script> gọi [số điện thoại]");
        assertThat(TextMasking.mask(null)).isNull();
        assertThat(TextMasking.mask("")).isEmpty();
    }

    @Test
    void stillMasksTextThatArrivedDecomposed() {
        String nfd = Normalizer.normalize("Tôi là Nguyễn Văn An", Normalizer.Form.NFD);

        assertThat(TextMasking.mask(nfd)).doesNotContain("Nguy").endsWith("[họ tên]");
    }

    @Test
    void anExcerptIsCutAtASpaceAndNeverShowsPartOfAPhoneNumber() {
        String words = "Cống thoát nước bị tắc ".repeat(60);
        String phoneAcrossTheCut = words.substring(0, 990) + " gọi 0912 345 678 ngay";

        String shown = TextMasking.excerpt(phoneAcrossTheCut, null, 1000);

        assertThat(shown).endsWith("…").doesNotContain("0912", "091");
        assertThat(shown.length()).isLessThanOrEqualTo(1001);
        assertThat(TextMasking.excerpt("Ngắn, gọi 0912345678", null, 1000)).isEqualTo("Ngắn, gọi [số điện thoại]");
        assertThat(TextMasking.excerpt(words + "Tôi là Lê Văn Tám", "Lê Văn Tám", 1000)).doesNotContain("Tám").endsWith("…");
        assertThat(TextMasking.excerpt(null, null, 1000)).isNull();
    }
}
