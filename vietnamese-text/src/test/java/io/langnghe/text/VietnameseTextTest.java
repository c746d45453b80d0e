package io.langnghe.text;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.text.Normalizer;
import java.util.SplittableRandom;

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
        assertThat(VietnameseText.hasDiacritics("ĐƯỜNG LÀNG")).isTrue();
        assertThat(VietnameseText.hasDiacritics("Đi")).isTrue();
        assertThat(VietnameseText.hasDiacritics("co\u0302\u0301ng tắc")).isTrue();
        assertThat(VietnameseText.hasDiacritics("co\u0302\u0301ng")).as("NFD").isTrue();
        assertThat(VietnameseText.hasDiacritics("cong – nuoc ≥ 2 “tac”")).as("punctuation outside ASCII").isFalse();
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

    /** Pieces people's text is made of, the awkward ones included: NFD marks, odd blanks, old fonts, controls. */
    private static final String[] PIECES = {
            "a", "b", "n", "g", "0", "5", "-", ".", ",", "?", "A", "Đ", "đ", "ă", "ơ", "ư", "ố", "ạ", "ữ", "à", "é", "ê", "ô",
            "Cống", "thoát", "nước", "ngõ", "tdp-05", "web", "cong", "ngap",
            "\u0301", "\u0300", "\u0323", "\u0303", "\u0309", "\u0302",
            " ", " ", " ", "  ", "\t", "\n", "\r\n", "\r", "\u00A0", "\u2003", "\u3000", "\u2028", "\u2029", "\u0085",
            "\u000B", "\u000C", "\u001C", "\u1680", "\u205F", "\u200B", "\u00AD", "\uFEFF", "\u0001", "\u007F", "\u009C",
            "µ", "¸", "¶", "·", "¹", "¨", "»", "¾", "©", "®", "ª", "×", "Þ", "ß", "¬", "«", "¡", "¢", "§",
            "ù", "ø", "û", "õ", "ï", "â", "á", "å", "ã", "ä", "ë", "ö", "ñ", "ü", "Ω", "Å", "ﬁ", "①", "ｶ", "\u0378",
            "\uD83D\uDE00", "\uE000", "\uD83D"};

    @ParameterizedTest(name = "[{0}] is stored as sent: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "web                                        | true",
            "0901.234.567                               | true",
            "Cống thoát nước ngõ 45 bị tắc, mưa là ngập | true",
            "\"\"                                         | true",
            "\" web\"                                     | false",
            "\"web \"                                     | false",
            "\"ngõ  45\"                                  | false",
            "\"ngõ\t45\"                                  | false",
            "\"dòng một\ndòng hai\"                      | false",
            "\"ngõ\u00A045\"                              | false",
            "\"đèn\u200Bhỏng\"                            | false",
            "\"Co\u0302\u0301ng\"                         | false"})
    void vouchesOnlyForTextNormalisingGivesBack(String text, boolean stored) {
        assertThat(VietnameseText.isNormalized(text)).isEqualTo(stored);
        assertThat(VietnameseText.normalize(text)).isEqualTo(VietnameseText.normalizeFully(text));
    }

    @Test
    void normalisesAsTheLongWayDoesWhetherOrNotTheTextWasAlreadyStored() {
        SplittableRandom random = new SplittableRandom(20261205);
        int vouched = 0;
        for (int i = 0; i < 50_000; i++) {
            String raw = text(random);
            assertThat(VietnameseText.normalize(raw)).as("[%s]", raw).isEqualTo(VietnameseText.normalizeFully(raw));
            vouched += VietnameseText.isNormalized(raw) ? 1 : 0;
        }
        // the comparison above means something only if both ways were taken often
        assertThat(vouched).isBetween(5_000, 45_000);
    }

    private static String text(SplittableRandom random) {
        StringBuilder text = new StringBuilder();
        int pieces = random.nextInt(1, 12);
        for (int p = 0; p < pieces; p++) {
            // mostly letters and single spaces, as people type; now and then something awkward
            String piece = random.nextInt(4) == 0 ? PIECES[random.nextInt(PIECES.length)]
                    : random.nextBoolean() ? " " : PIECES[random.nextInt(31)];
            text.append(piece);
        }
        return text.toString();
    }
}
