package io.langnghe.search.export;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

class ExportFormatsTest {

    private static final List<String> HEADER = List.of("caseId", "text");
    private static final List<ExportRow> ROWS = List.of(
            new ExportRow(List.of("c-1", "Cống tắc, mùi \"hôi\"\ntừ hôm qua")),
            new ExportRow(java.util.Arrays.asList("c-2", null)),
            new ExportRow(List.of("c-3", "=HYPERLINK(\"http://x\";\"bấm\")")),
            new ExportRow(List.of("c-4", "<b>đậm</b> & 5 < 6")));

    @Test
    void csvQuotesWhatNeedsQuotingAndStartsWithABomForExcel() {
        String csv = new String(Csv.write(HEADER, ROWS), StandardCharsets.UTF_8);

        assertThat(csv).startsWith("\uFEFFcaseId,text\r\n");
        assertThat(csv).contains("c-1,\"Cống tắc, mùi \"\"hôi\"\"\ntừ hôm qua\"\r\n");
        assertThat(csv).contains("c-2,\r\n");
    }

    @Test
    void aResidentsFormulaIsNeverAFormulaInTheReport() {
        String csv = new String(Csv.write(HEADER, ROWS), StandardCharsets.UTF_8);

        assertThat(csv).contains("c-3,\"'=HYPERLINK(\"\"http://x\"\";\"\"bấm\"\")\"");
        assertThat(sheet(Spreadsheet.write("Phản ánh", HEADER, ROWS))).contains("<t xml:space=\"preserve\">'=HYPERLINK(&quot;http://x&quot;;&quot;bấm&quot;)</t>");
    }

    @Test
    void xlsxIsAZipOfTheOfficeOpenXmlPartsWithEscapedText() {
        Map<String, String> parts = parts(Spreadsheet.write("Phản ánh", HEADER, ROWS));

        assertThat(parts).containsKeys("[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/worksheets/sheet1.xml");
        assertThat(parts.get("xl/workbook.xml")).contains("<sheet name=\"Phản ánh\"");
        assertThat(parts.get("xl/worksheets/sheet1.xml"))
                .contains("&lt;b&gt;đậm&lt;/b&gt; &amp; 5 &lt; 6")
                .doesNotContain("<b>");
        assertThat(parts.get("xl/worksheets/sheet1.xml").split("<row>")).hasSize(1 + 1 + ROWS.size());
    }

    private static String sheet(byte[] xlsx) {
        return parts(xlsx).get("xl/worksheets/sheet1.xml");
    }

    private static Map<String, String> parts(byte[] xlsx) {
        Map<String, String> parts = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                parts.put(entry.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return parts;
    }
}
