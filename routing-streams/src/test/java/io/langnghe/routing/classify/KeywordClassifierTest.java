package io.langnghe.routing.classify;

import io.langnghe.contracts.Category;
import io.langnghe.contracts.Classification;
import io.langnghe.contracts.taxonomy.Taxonomy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.text.Normalizer;

import static org.assertj.core.api.Assertions.assertThat;

class KeywordClassifierTest {

    static final Classifier classifier = KeywordClassifier.fromTaxonomy(Taxonomy.loadDefault());

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Cống thoát nước trước nhà số 12 ngõ 5 bị tắc, mùi hôi bốc lên      | giao_thong_ha_tang
            cong thoat nuoc truoc nha so 12 bi tac, mui hoi thoi boc len        | giao_thong_ha_tang
            Mưa to là ngập, nước cống bốc mùi hôi thối cả xóm                   | giao_thong_ha_tang
            Đèn đường ở đầu ngõ 7 hỏng cả tuần nay                              | giao_thong_ha_tang
            Mất điện từ sáng đến giờ chưa có lại                                | dien_nuoc
            mat dien ca khu tu 2h chieu                                         | dien_nuoc
            Quán karaoke hát ồn ào đến 12 giờ đêm                               | moi_truong
            QUÁN KARAOKE HÁT ỒN ÀO ĐẾN KHUYA                                    | moi_truong
            Rác thải vứt bừa bãi ở đầu ngõ                                      | moi_truong
            Thanh niên đua xe ồn ào mỗi tối                                     | an_ninh_trat_tu
            Hàng quán lấn chiếm vỉa hè, người đi bộ phải xuống lòng đường       | trat_tu_do_thi
            Hồ sơ cấp sổ đỏ nộp 6 tháng chưa có kết quả                         | dat_dai
            Học phí bán trú năm nay tăng quá cao                                | giao_duc
            Nhiều người bị ngộ độc thực phẩm sau đám cưới                       | y_te_attp
            Gia đình thuộc hộ nghèo nhưng chưa được nhận trợ cấp                | chinh_sach_xa_hoi
            Cán bộ một cửa thái độ hách dịch                                    | hanh_chinh
            Xin cảm ơn phường đã quan tâm                                       | khac
            """)
    void classifiesAsResidentsWrite(String text, String category) {
        assertThat(classifier.classify(text).category().code()).isEqualTo(category);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Đèn đường hỏng, đề nghị sửa                   # with diacritics, NFC
            den duong hong, de nghi sua                   # without diacritics
            ĐÈN ĐƯỜNG HỎNG, ĐỀ NGHỊ SỬA                   # capitals
            Den Duong Hong!!!                             # capitals, no diacritics, punctuation
            """)
    void readsEveryWayOfWritingTheSameWords(String text) {
        assertThat(classifier.classify(text.replaceAll("\\s*#.*", "")))
                .isEqualTo(new Classification(Category.GIAO_THONG_HA_TANG, 0.84, java.util.List.of("đèn đường")));
    }

    @Test
    void readsDecomposedUnicodeAsComposed() {
        String nfd = Normalizer.normalize("Đèn đường hỏng", Normalizer.Form.NFD);

        assertThat(classifier.classify(nfd).reasons()).containsExactly("đèn đường");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Đề nghị công an phường xử lý rác          | moi_truong   # công an is not cống
            đề nghị cong an phuong xu ly rac          | moi_truong   # nor without diacritics
            Yêu cầu thu gom rác                       | moi_truong   # yêu cầu is not cầu (a bridge)
            Lắp đặt biển quảng cáo che lối đi         | trat_tu_do_thi # đặt is not đất
            """)
    void doesNotReadWordsIntoPartsOfOtherWords(String text, String categoryAndComment) {
        assertThat(classifier.classify(text).category().code()).isEqualTo(categoryAndComment.replaceAll("\\s*#.*", ""));
    }

    @Test
    void givesTheMatchedPhrasesAsWrittenInTheTaxonomyAsReasons() {
        Classification drain = classifier.classify("cong thoat nuoc bi tac, ngap ca ngo");

        assertThat(drain.category()).isEqualTo(Category.GIAO_THONG_HA_TANG);
        assertThat(drain.reasons()).containsExactly("cống thoát nước", "ngập");
        assertThat(drain.confidence()).isGreaterThan(0.9);
    }

    @Test
    void isUnsureWhenTwoCategoriesCompete() {
        Classification mixed = classifier.classify("Rác và trộm");

        assertThat(mixed.confidence()).isLessThan(0.5);
    }

    @Test
    void givesKhacWithNoConfidenceWhenNothingMatches() {
        assertThat(classifier.classify("Chúc mừng năm mới")).isEqualTo(new Classification(Category.KHAC, 0.0, java.util.List.of()));
    }
}
