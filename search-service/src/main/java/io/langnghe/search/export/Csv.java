package io.langnghe.search.export;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * RFC 4180 CSV in UTF-8 with a byte-order mark (so Excel shows Vietnamese correctly). A resident's
 * text that could start a formula (=, +, -, @, tab, CR), at its start or after any separator, gets
 * an apostrophe ({@link Spreadsheet#defuse}); a cell holding a ',' or a ';' is quoted, so it stays
 * one cell whether the spreadsheet's locale splits on ',' or on ';' (Vietnamese Excel does).
 */
public final class Csv {

    private static final String BOM = "\uFEFF";

    private Csv() {
    }

    public static byte[] write(List<String> header, List<ExportRow> rows) {
        StringBuilder out = new StringBuilder(BOM);
        line(out, header);
        rows.forEach(row -> line(out, row.cells()));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String safe = Spreadsheet.defuse(value);
        if (safe.contains(",") || safe.contains(";") || safe.contains("\t") || safe.contains("\"")
                || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }

    private static void line(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells.get(i)));
        }
        out.append("\r\n");
    }
}
