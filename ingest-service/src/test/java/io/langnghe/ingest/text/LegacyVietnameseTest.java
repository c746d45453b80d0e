package io.langnghe.ingest.text;

import io.langnghe.ingest.text.LegacyVietnamese.Encoding;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

import static org.assertj.core.api.Assertions.assertThat;

class LegacyVietnameseTest {

    /** As typed with the old fonts (\u00AD is TCVN3's ư, a soft hyphen in Latin-1), and as Unicode NFC. */
    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            TCVN3   | Ph\u00ADêng §«ng S¬n, Thanh Hãa      | Phường Đông Sơn, Thanh Hóa
            TCVN3   | Cèng tho¸t n\u00ADíc bÞ t¾c           | Cống thoát nước bị tắc
            TCVN3   | §Ìn ®\u00ADêng háng ®· hai tuÇn       | Đèn đường hỏng đã hai tuần
            TCVN3   | R¸c th¶i tån ®äng, bèc mïi            | Rác thải tồn đọng, bốc mùi
            TCVN3   | Ninh B×nh                             | Ninh Bình
            TCVN3   | B¶o Th¾ng                             | Bảo Thắng
            TCVN3   | M\u00ADêng Kh\u00AD¬ng                    | Mường Khương
            VNI     | Xin chaøo caùc baïn                   | Xin chào các bạn
            VNI     | Phöôøng Ñoâng Sôn, Thanh Hoùa         | Phường Đông Sơn, Thanh Hóa
            VNI     | Coáng thoaùt nöôùc bò taéc            | Cống thoát nước bị tắc
            VNI     | Ñeøn ñöôøng hoûng ñaõ hai tuaàn       | Đèn đường hỏng đã hai tuần
            VNI     | Raùc thaûi toàn ñoïng, boác muøi       | Rác thải tồn đọng, bốc mùi
            VNI     | ÑEØN ÑÖÔØNG TOÅ DAÂN PHOÁ 5           | ĐÈN ĐƯỜNG TỔ DÂN PHỐ 5
            VNI     | Ngöôøi daân kieán nghò nhieàu laàn    | Người dân kiến nghị nhiều lần
            UNICODE | Cống thoát nước bị tắc                | Cống thoát nước bị tắc
            UNICODE | hoà bình, thuý, hoá đơn               | hoà bình, thuý, hoá đơn
            UNICODE | Góp ý cái áo                          | Góp ý cái áo
            UNICODE | Cong ngo 5 bi tac, nuoc tran ra duong | Cong ngo 5 bi tac, nuoc tran ra duong
            UNICODE | café © año                            | café © año
            """)
    void detectsTheOldFontsAndConvertsToUnicodeNfc(Encoding encoding, String typed, String unicode) {
        assertThat(LegacyVietnamese.detect(typed)).isEqualTo(encoding);
        assertThat(LegacyVietnamese.toUnicode(typed))
                .isEqualTo(unicode)
                .satisfies(text -> assertThat(Normalizer.isNormalized(text, Normalizer.Form.NFC)).isTrue());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Đèn đường hỏng
            Người dân kiến nghị nhiều lần
            """)
    void composesDecomposedUnicodeAndOtherwiseLeavesItAlone(String unicode) {
        String nfd = Normalizer.normalize(unicode, Normalizer.Form.NFD);

        assertThat(LegacyVietnamese.detect(nfd)).isEqualTo(Encoding.UNICODE);
        assertThat(LegacyVietnamese.toUnicode(nfd)).isEqualTo(unicode);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            text\\nCèng tho¸t n\u00ADíc bÞ t¾c\\n     | Cống thoát nước bị tắc
            text\\nCoáng thoaùt nöôùc bò taéc\\n     | Cống thoát nước bị tắc
            """)
    void readsAnOldExcelSheetSavedAsWindows1252Csv(String csv, String unicode) {
        byte[] ansi = csv.replace("\\n", "\r\n").getBytes(Charset.forName("windows-1252"));

        String decoded = LegacyText.decode(ansi);

        assertThat(LegacyVietnamese.toUnicode(decoded.split("\r\n")[1])).isEqualTo(unicode);
        assertThat(LegacyText.decode(unicode.getBytes(StandardCharsets.UTF_8))).isEqualTo(unicode);
    }
}
