package io.langnghe.search.export;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A leader opens an export in Excel or LibreOffice: nothing a resident typed may become a formula,
 * whether the spreadsheet splits the CSV on ',' (English locale) or on ';' (Vietnamese Excel), and
 * in the XLSX. Read back with Apache POI and Commons CSV, as a spreadsheet would read them.
 */
class ExportFormulaTest {

    private static final String FORMULA_START = "=+-@\t\r";
    /** What residents typed, or an attacker posing as one. */
    private static final List<String> TYPED = List.of(
            "=1+1",
            "+84 cmd",
            "-2+3",
            "@SUM(A1:A9)",
            "\t=1+1",
            "\r=1+1",
            "Đèn hỏng;=1+1 ngõ 9",
            "Đèn hỏng,=1+1 ngõ 9",
            "Cống tắc; =HYPERLINK(\"http://x\";\"bấm\")",
            "Rác;\"=1+1\" ở chợ",
            "Nước ngập\n=cmd|' /C calc'!A0",
            "a;+1;-1;@x,=2",
            "Đèn hỏng - ngõ 9, gọi lại");

    private static final List<String> HEADER = List.of("caseId", "text");

    @ParameterizedTest(name = "separator {0}")
    @ValueSource(chars = {',', ';'})
    void noCsvCellStartsAFormulaWhateverTheLocalesSeparator(char separator) throws IOException {
        byte[] csv = Csv.write(HEADER, rows());

        List<String> cells = new ArrayList<>();
        CSVFormat format = CSVFormat.EXCEL.builder().setDelimiter(separator).setTrailingData(true).setLenientEof(true).get();
        try (CSVParser parser = CSVParser.parse(new InputStreamReader(new ByteArrayInputStream(csv), StandardCharsets.UTF_8), format)) {
            for (CSVRecord record : parser) {
                record.forEach(cells::add);
            }
        }

        assertThat(cells).isNotEmpty().noneMatch(ExportFormulaTest::startsAFormula);
    }

    @Test
    void readWithCommasEveryCellIsWhatWasTypedBehindItsApostrophes() throws IOException {
        byte[] csv = Csv.write(HEADER, rows());

        List<String> texts = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new InputStreamReader(new ByteArrayInputStream(csv), StandardCharsets.UTF_8),
                CSVFormat.EXCEL.builder().setHeader().setSkipHeaderRecord(true).get())) {
            parser.forEach(record -> texts.add(record.get("text")));
        }

        assertThat(texts).hasSize(TYPED.size());
        assertThat(texts.get(6)).isEqualTo("Đèn hỏng;'=1+1 ngõ 9");
        assertThat(texts.get(12)).as("ordinary text is left alone").isEqualTo("Đèn hỏng - ngõ 9, gọi lại");
        IntStream.range(0, TYPED.size()).forEach(i -> assertThat(texts.get(i).replace("'", "")).isEqualTo(TYPED.get(i).replace("'", "")));
    }

    @Test
    void everyXlsxCellIsTextThatStartsNoFormula() throws IOException {
        byte[] xlsx = Spreadsheet.write("Phản ánh", HEADER, rows());

        List<Cell> cells = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Row row : workbook.getSheetAt(0)) {
                row.forEach(cells::add);
            }
        }

        assertThat(cells).hasSize(2 * (1 + TYPED.size()));
        assertThat(cells).allMatch(cell -> cell.getCellType() == CellType.STRING, "a string cell, never a formula");
        assertThat(cells).extracting(Cell::getStringCellValue).noneMatch(ExportFormulaTest::startsAFormula);
        assertThat(cells).extracting(Cell::getStringCellValue)
                .noneMatch(text -> text.matches("(?s).*[,;\\t\\r\\n][ \"]*[=+\\-@].*"));
    }

    private static List<ExportRow> rows() {
        return IntStream.range(0, TYPED.size()).mapToObj(i -> new ExportRow(List.of("c-" + i, TYPED.get(i)))).toList();
    }

    private static boolean startsAFormula(String cell) {
        String shown = cell.startsWith("\uFEFF") ? cell.substring(1) : cell;
        return !shown.isEmpty() && FORMULA_START.indexOf(shown.charAt(0)) >= 0;
    }
}
