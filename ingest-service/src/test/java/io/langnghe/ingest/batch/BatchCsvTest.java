package io.langnghe.ingest.batch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.langnghe.ingest.intake.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class BatchCsvTest {

    @Test
    void readsOnePetitionPerRowWithEnglishHeaders() {
        List<ObjectNode> rows = BatchCsv.rows("""
                rowKey,text,area,name,phone,consent
                r1,Đèn đường hỏng,tdp-05,Nguyễn Văn An,0912345678,yes
                r2,"Rác ""tồn đọng"", bốc mùi
                nhiều ngày",,,,
                """);

        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).toString()).isEqualTo(
                "{\"rowKey\":\"r1\",\"text\":\"Đèn đường hỏng\",\"area\":\"tdp-05\",\"name\":\"Nguyễn Văn An\",\"phone\":\"0912345678\",\"consentToContact\":true}");
        assertThat(rows.get(1).get("text").asText()).isEqualTo("Rác \"tồn đọng\", bốc mùi\nnhiều ngày");
        assertThat(rows.get(1).has("area")).isFalse();
    }

    @Test
    void readsWhatVietnameseExcelWritesBomSemicolonsCrlfAndVietnameseHeaders() {
        List<ObjectNode> rows = BatchCsv.rows("\uFEFFSTT;Nội dung;Tổ dân phố;Họ tên;Số điện thoại;Đồng ý liên hệ\r\n"
                + "1;Ngõ 9 ngập nước khi mưa;tdp-09;Trần Thị Bình;0901 234 567;có\r\n"
                + ";;;;;\r\n"
                + "2;Karaoke ồn sau 23 giờ;;;;\r\n");

        assertThat(rows).extracting(row -> row.get("rowKey").asText()).containsExactly("1", "2");
        assertThat(rows.get(0).get("text").asText()).isEqualTo("Ngõ 9 ngập nước khi mưa");
        assertThat(rows.get(0).get("area").asText()).isEqualTo("tdp-09");
        assertThat(rows.get(0).get("consentToContact").asBoolean()).isTrue();
        assertThat(rows.get(1).has("consentToContact")).isFalse();
    }

    @Test
    void keysRowsWithoutRowKeyByTheirNumber() {
        List<ObjectNode> rows = BatchCsv.rows("text\nMột\n\nHai\n");

        assertThat(rows).extracting(row -> row.get("rowKey").asText()).containsExactly("1", "2");
    }

    @Test
    void refusesAFileWithoutTextColumnOrWithAnUnclosedQuote() {
        assertThat(catchThrowableOfType(() -> BatchCsv.rows("name,phone\nAn,0912345678\n"), InvalidInputException.class)
                .errors()).extracting(e -> e.code()).containsExactly("missing_text_column");
        assertThat(catchThrowableOfType(() -> BatchCsv.rows("text\nok\n\"never closed\n"), InvalidInputException.class)
                .errors().get(0).messageEn()).contains("line 3");
    }

    @Test
    void stopsReadingOneRowPastTheLimitWhateverFollows() {
        String csv = "text\n" + "\n".repeat(100_000) + "Một\nHai\nBa\n\"never closed and never read";

        List<ObjectNode> rows = BatchCsv.rows(csv, 2);

        // three rows are enough to refuse a batch of at most two; the unclosed quote after them is never reached
        assertThat(rows).extracting(row -> row.get("text").asText()).containsExactly("Một", "Hai", "Ba");
    }
}
