package io.langnghe.routing.classify;

import io.langnghe.contracts.Category;
import io.langnghe.contracts.taxonomy.Taxonomy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.text.Normalizer;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BlendedClassifierTest {

    static final Taxonomy taxonomy = Taxonomy.loadDefault();
    static final BlendedClassifier classifier = BlendedClassifier.trained(taxonomy, ClassifierSettings.DEFAULTS);

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Cống thoát nước trước nhà số 12 ngõ 5 bị tắc, mùi hôi bốc lên          | giao_thong_ha_tang
            cong thoat nuoc bi tac, mui hoi thoi boc len                            | giao_thong_ha_tang  # no diacritics, smells: still the drain
            MƯA TO LÀ NGẬP, NƯỚC KO THOÁT ĐC                                        | giao_thong_ha_tang  # capitals, teencode
            den duong ngo 7 hong ca tuan r ma ko ai sua                             | giao_thong_ha_tang  # street light, teencode
            nha e mat nc 2 ngay r ko ai den sua                                     | dien_nuoc           # nc = nước
            cột điện nghiêng sắp đổ, dây điện võng xuống sát đầu người               | dien_nuoc
            Quán karaoke hát ồn ào đến 12 giờ đêm ko ai ngủ dc                      | moi_truong
            xuong moc chay may tu 5h sang on qua                                    | moi_truong          # workshop noise
            thanh nien dua xe nẹt pô, đánh nhau trc cổng trường                     | an_ninh_trat_tu     # mixed writing
            Hàng quán lấn chiếm vỉa hè, người đi bộ phải xuống lòng đường           | trat_tu_do_thi
            nhà số 9 đang xây thêm tầng ko có giấy phép                             | trat_tu_do_thi
            Hồ sơ cấp sổ đỏ nộp 6 tháng chưa có kết quả                             | dat_dai             # paperwork, still land
            hàng xóm xây tường lấn sang đất nhà tôi                                 | dat_dai
            Học phí bán trú năm nay tăng quá cao                                    | giao_duc
            co giao ep hoc sinh di hoc them o nha                                   | giao_duc
            Nhiều người bị ngộ độc thực phẩm sau đám cưới                           | y_te_attp
            khu pho nhieu nguoi bi sot xuat huyet, xin phun thuoc muoi              | y_te_attp
            Gia đình thuộc hộ nghèo nhưng chưa được nhận trợ cấp                    | chinh_sach_xa_hoi
            bố tôi là thương binh mà chế độ tháng này chưa nhận dc                  | chinh_sach_xa_hoi
            Cán bộ một cửa thái độ hách dịch                                        | hanh_chinh
            lam giay khai sinh cho con 2 tuan chua xong                             | hanh_chinh
            Xin cảm ơn phường đã quan tâm                                           | khac
            """)
    void classifiesAsResidentsWrite(String text, String categoryAndComment) {
        assertThat(classifier.classify(text).category().code()).isEqualTo(categoryAndComment.replaceAll("\\s*#.*", ""));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Đèn đường hỏng, đề nghị sửa                   # with diacritics, NFC
            den duong hong, de nghi sua                   # without diacritics
            ĐÈN ĐƯỜNG HỎNG, ĐỀ NGHỊ SỬA                   # capitals
            Den Duong Hong!!!                             # capitals, no diacritics, punctuation
            đen đường hỏng, đề nghị sửa                   # a wrong mark the lexicon refuses, the model reads
            """)
    void readsEveryWayOfWritingTheSameWords(String text) {
        String petition = text.replaceAll("\\s*#.*", "");

        assertThat(classifier.classify(petition).category()).isEqualTo(Category.GIAO_THONG_HA_TANG);
        assertThat(classifier.classify(Normalizer.normalize(petition, Normalizer.Form.NFD)))
                .isEqualTo(classifier.classify(petition));
    }

    @Test
    void namesTheWordsThatDecided() {
        assertThat(classifier.classify("Cống thoát nước trước nhà số 12 ngõ 5 bị tắc, mùi hôi bốc lên").reasons())
                .containsExactly("cống thoát nước", "tắc");
        assertThat(classifier.classify("nha e mat nc 2 ngay r ko ai den sua").reasons()).containsExactly("mat nc");
    }

    @Test
    void ranksTheRunnerUpWithItsOwnReasons() {
        Ranking ranking = classifier.rank("trường học mất điện, cả trường nghỉ học");

        assertThat(ranking.best()).isEqualTo(new Candidate(Category.GIAO_DUC, 0.53, List.of("trường học")));
        assertThat(ranking.runnerUp()).contains(new Candidate(Category.DIEN_NUOC, 0.43, List.of("mất điện")));
    }

    @Test
    void learnsOneOfficersCorrectionForTheNextPetitions() {
        BlendedClassifier learning = BlendedClassifier.trained(taxonomy, ClassifierSettings.DEFAULTS);
        String petition = "Cây xà cừ trước nhà nghiêng sắp đổ vào mái nhà";
        Category before = learning.classify(petition).category();
        int examples = learning.examplesLearned();

        learning.learn(new LabelledExample("cây xà cừ nghiêng sắp đổ đè vào nhà", Category.GIAO_THONG_HA_TANG));

        assertThat(before).isNotEqualTo(Category.GIAO_THONG_HA_TANG);
        assertThat(learning.classify(petition).category()).isEqualTo(Category.GIAO_THONG_HA_TANG);
        assertThat(learning.examplesLearned()).isEqualTo(examples + 1);
        assertThat(classifier.classify(petition).category()).as("another instance is untouched").isEqualTo(before);
    }
}
