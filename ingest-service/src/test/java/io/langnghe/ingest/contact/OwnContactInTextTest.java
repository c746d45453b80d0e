package io.langnghe.ingest.contact;

import io.langnghe.contracts.Contact;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The resident's own phone and name leave the text before it reaches Kafka; everyone else's words stay. */
class OwnContactInTextTest {

    private static final Contact BINH = new Contact("Trần Thị Bình", "+84901234567", "+84 90x xxx x67", "h", true);

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Gọi tôi số 0901234567 nhé                 | Gọi tôi số +84 90x xxx x67 nhé",
            "sđt 0901 234 567, cống tắc                | sđt +84 90x xxx x67, cống tắc",
            "liên hệ +84.901.234.567                   | liên hệ +84 90x xxx x67",
            "Tôi là TRẦN THỊ BÌNH ở ngõ 5              | Tôi là [họ tên] ở ngõ 5",
            "Số nhà hàng xóm 0912345678 vẫn để nguyên  | Số nhà hàng xóm 0912345678 vẫn để nguyên",   // not hers
            "Cống tắc 3 ngày, mùi hôi                  | Cống tắc 3 ngày, mùi hôi",
    })
    void masksOnlyTheResidentsOwnPhoneAndName(String text, String expected) {
        assertThat(OwnContactInText.mask(text, BINH)).isEqualTo(expected);
    }
}
