package io.langnghe.text;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.text.Normalizer;

import static org.assertj.core.api.Assertions.assertThat;

class VietnameseTextTest {

    @ParameterizedTest(name = "{0} folds to {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Cống thoát nước bị tắc       | cống thoát nước bị tắc
            ĐƯỜNG NGẬP NƯỚC              | đường ngập nước
            cong thoat nuoc              | cong thoat nuoc
            Đèn đường hỏng               | đèn đường hỏng
            Khiếu nại, tố cáo            | khiếu nại, tố cáo
            """)
    void foldsWithOrWithoutDiacriticsToTheSameForm(String written, String lowerWithMarks) {
        assertThat(VietnameseText.fold(written)).isEqualTo(VietnameseText.fold(lowerWithMarks));
        assertThat(VietnameseText.fold(written)).doesNotContainPattern("[^a-z0-9 ,]");
    }

    @Test
    void turnsDStrokeIntoD() {
        assertThat(VietnameseText.fold("Đông Sơn, đường điện")).isEqualTo("dong son, duong dien");
    }

    @Test
    void foldsDecomposedTextLikeComposedText() {
        String nfd = Normalizer.normalize("Mùi hôi bốc lên", Normalizer.Form.NFD);
        assertThat(nfd).isNotEqualTo("Mùi hôi bốc lên");
        assertThat(VietnameseText.fold(nfd)).isEqualTo("mui hoi boc len");
    }

    @Test
    void normalizesToComposedFormAndTidiesBlanks() {
        String nfd = Normalizer.normalize("  Cống   thoát nước\u200B bị tắc \n\n dòng hai ", Normalizer.Form.NFD);
        String stored = VietnameseText.normalize(nfd);

        assertThat(stored).isEqualTo("Cống thoát nước bị tắc\n\ndòng hai");
        assertThat(Normalizer.isNormalized(stored, Normalizer.Form.NFC)).isTrue();
    }

    @Test
    void splitsIntoFoldedSyllablesWithoutPunctuation() {
        assertThat(VietnameseText.syllables("Cống thoát nước trước nhà số 12, ngõ 5 bị tắc!"))
                .containsExactly("cong", "thoat", "nuoc", "truoc", "nha", "so", "12", "ngo", "5", "bi", "tac");
    }

    @Test
    void tellsTextWithoutDiacritics() {
        assertThat(VietnameseText.hasDiacritics("Cống thoát nước")).isTrue();
        assertThat(VietnameseText.hasDiacritics("cong thoat nuoc")).isFalse();
    }

    @Test
    void keepsNullAsNull() {
        assertThat(VietnameseText.normalize(null)).isNull();
        assertThat(VietnameseText.fold(null)).isNull();
        assertThat(VietnameseText.syllables(null)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // written                      | "không dấu", case and spacing kept
            "Đèn đường ngõ 5 hỏng            | Den duong ngo 5 hong",
            "ĐỒNG Ý, cảm ơn  Phường          | DONG Y, cam on  Phuong",
            "Kiến nghị RNR2-DHWR-Q8          | Kien nghi RNR2-DHWR-Q8",
    })
    void writesWithoutDiacriticsKeepingCase(String written, String plain) {
        assertThat(VietnameseText.withoutDiacritics(written)).isEqualTo(plain);
        assertThat(VietnameseText.withoutDiacritics(Normalizer.normalize(written, Normalizer.Form.NFD))).isEqualTo(plain);
    }
}
