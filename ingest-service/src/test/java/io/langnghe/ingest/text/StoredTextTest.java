package io.langnghe.ingest.text;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.langnghe.ingest.intake.FeedbackForm;
import io.langnghe.text.VietnameseText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The form keeps prose already in its stored form as sent: what it keeps must be exactly what reading old
 * TCVN3 or VNI fonts and normalising would have given. (Plain fields: {@code VietnameseTextTest}.)
 */
class StoredTextTest {

    /** Pieces people's text is made of, the awkward ones included: NFD marks, odd blanks, old fonts, controls. */
    private static final String[] PIECES = {
            "a", "b", "n", "g", "0", "5", "-", ".", ",", "?", "A", "Đ", "đ", "ă", "ơ", "ư", "ố", "ạ", "ữ", "à", "é", "ê", "ô",
            "Cống", "thoát", "nước", "ngõ", "tdp-05", "web", "cong", "ngap",
            "\u0301", "\u0300", "\u0323", "\u0303", "\u0309", "\u0302",
            " ", " ", " ", "  ", "\t", "\n", "\r\n", "\r", "\u00A0", "\u2003", "\u3000", "\u2028", "\u0085",
            "\u200B", "\u00AD", "\uFEFF", "\u0001", "\u007F",
            "µ", "¸", "¶", "·", "¹", "¨", "»", "¾", "©", "®", "ª", "×", "Þ", "ß", "¬", "«", "¡", "¢", "§",
            "ù", "ø", "û", "õ", "ï", "â", "á", "å", "ã", "ä", "ë", "ö", "ñ", "ü",
            "\uD83D\uDE00", "\uE000"};

    @ParameterizedTest(name = "[{0}] is kept as sent: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "web                                    | true",
            "tdp-05                                 | true",
            "0901.234.567                           | true",
            "cong ngo 45 le lai bi tac              | true",
            "Cống thoát nước ngõ 45 bị tắc, mưa là ngập | true",
            "\" web\"                               | false",
            "\"web \"                               | false",
            "\"ngõ  45\"                            | false",
            "\"ngõ\t45\"                            | false",
            "\"ngõ\u00A045\"                        | false",
            "\"đèn\u200Bhỏng\"                      | false",
            "\"Co\u0302\u0301ng\"                   | false",
            "Céng tho¸t n­íc                        | false",
            "Coáng thoaùt nöôùc                     | false"})
    void vouchesOnlyForProseAlreadyStored(String text, boolean kept) {
        assertThat(StoredText.isStoredUnicodeProse(text)).isEqualTo(kept);
    }

    @Test
    void keepsOnlyWhatNormalisingWouldGiveBack() {
        SplittableRandom random = new SplittableRandom(20261205);
        int vouched = 0;
        for (int i = 0; i < 20_000; i++) {
            String raw = text(random);
            ObjectNode json = JsonNodeFactory.instance.objectNode().put("text", raw);
            List<io.langnghe.ingest.problem.FieldError> errors = new ArrayList<>();

            String prose = FeedbackForm.prose(json, "text", errors);

            if (errors.isEmpty()) {
                assertThat(prose).as("prose of [%s]", raw)
                        .isEqualTo(VietnameseText.normalize(LegacyVietnamese.toUnicode(Normalizer.normalize(raw, Normalizer.Form.NFC))));
            }
            vouched += StoredText.isStoredUnicodeProse(raw) ? 1 : 0;
        }
        // the comparison above means something only if both ways were taken often
        assertThat(vouched).isBetween(2_000, 18_000);
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
