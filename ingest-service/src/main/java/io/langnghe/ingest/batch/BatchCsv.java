package io.langnghe.ingest.batch;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.langnghe.ingest.intake.InvalidInputException;
import io.langnghe.ingest.problem.FieldError;
import io.langnghe.text.VietnameseText;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A meeting's petitions as CSV, one per row after a header row (RFC 4180: quoted fields may hold
 * commas, quotes and line breaks). Excel in Vietnamese often writes ';' between fields and a BOM,
 * so both are taken. Headers are matched without diacritics, in English or Vietnamese:
 * {@code rowKey|stt, text|nội dung, area|tổ dân phố, address|địa chỉ, name|họ tên, phone|số điện thoại,
 * consent|đồng ý liên hệ}. A row without rowKey is keyed by its number among the data rows.
 */
public final class BatchCsv {

    private static final Map<String, String> COLUMNS = Map.ofEntries(
            Map.entry("rowkey", "rowKey"), Map.entry("stt", "rowKey"), Map.entry("key", "rowKey"),
            Map.entry("text", "text"), Map.entry("noidung", "text"), Map.entry("kiennghi", "text"),
            Map.entry("area", "area"), Map.entry("todanpho", "area"), Map.entry("tdp", "area"),
            Map.entry("address", "address"), Map.entry("diachi", "address"),
            Map.entry("name", "name"), Map.entry("hoten", "name"), Map.entry("hovaten", "name"),
            Map.entry("phone", "phone"), Map.entry("sodienthoai", "phone"), Map.entry("dienthoai", "phone"), Map.entry("sdt", "phone"),
            Map.entry("consent", "consentToContact"), Map.entry("consenttocontact", "consentToContact"),
            Map.entry("dongylienhe", "consentToContact"));

    private BatchCsv() {
    }

    /** Each data row as the JSON object a batch row would be; all-blank rows (Excel's tail) are skipped. */
    public static List<ObjectNode> rows(String csv) {
        return rows(csv, Integer.MAX_VALUE);
    }

    /**
     * The same, read record by record and stopped at {@code maxRows} + 1 data rows: a batch over the limit is
     * refused without parsing the rest, so 4 MB of line breaks never become millions of rows in memory.
     */
    public static List<ObjectNode> rows(String csv, int maxRows) {
        String text = csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
        Records records = new Records(text, delimiter(text));
        List<String> header = records.next();
        if (header == null) {
            throw new InvalidInputException(new FieldError("body", "required",
                    "Tệp CSV trống; dòng đầu là tiêu đề, mỗi dòng sau là một kiến nghị.",
                    "The CSV is empty; the first line is a header, then one petition per line."));
        }
        List<String> fields = header.stream().map(BatchCsv::column).toList();
        if (!fields.contains("text")) {
            throw new InvalidInputException(new FieldError("header", "missing_text_column",
                    "Dòng tiêu đề thiếu cột nội dung (text hoặc \"Nội dung\").",
                    "The header row has no text column (text or \"Nội dung\")."));
        }
        List<ObjectNode> rows = new ArrayList<>();
        // the limit is checked before the next record is read: nothing past the row that breaks it is parsed
        while (rows.size() <= maxRows) {
            List<String> cells = records.next();
            if (cells == null) {
                break;
            }
            if (cells.stream().allMatch(String::isBlank)) {
                continue;
            }
            ObjectNode row = JsonNodeFactory.instance.objectNode();
            for (int c = 0; c < Math.min(cells.size(), fields.size()); c++) {
                String field = fields.get(c);
                String cell = cells.get(c).strip();
                if (field == null || cell.isEmpty()) {
                    continue;
                }
                if (field.equals("consentToContact")) {
                    row.put(field, yes(cell));
                } else {
                    row.put(field, cell);
                }
            }
            if (!row.has("rowKey")) {
                row.put("rowKey", String.valueOf(rows.size() + 1));
            }
            rows.add(row);
        }
        return rows;
    }

    private static String column(String header) {
        return COLUMNS.get(VietnameseText.fold(header).replaceAll("[^a-z0-9]", ""));
    }

    private static boolean yes(String cell) {
        return switch (VietnameseText.fold(cell)) {
            case "1", "x", "yes", "y", "true", "co", "dong y" -> true;
            default -> false;
        };
    }

    private static char delimiter(String text) {
        int end = text.indexOf('\n');
        String header = end < 0 ? text : text.substring(0, end);
        return header.indexOf(';') >= 0 && header.indexOf(',') < 0 ? ';' : ',';
    }

    static List<List<String>> records(String text, char delimiter) {
        Records reader = new Records(text, delimiter);
        List<List<String>> records = new ArrayList<>();
        for (List<String> record = reader.next(); record != null; record = reader.next()) {
            records.add(record);
        }
        return records;
    }

    /** RFC 4180 records read one at a time from the text, so a caller can stop early. */
    private static final class Records {
        private final String text;
        private final char delimiter;
        private int i;
        private int line = 1;

        Records(String text, char delimiter) {
            this.text = text;
            this.delimiter = delimiter;
        }

        /** The next record, or null at the end. */
        List<String> next() {
            if (i >= text.length()) {
                return null;
            }
            List<String> record = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            int quoteLine = line;
            while (i < text.length()) {
                char c = text.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i += 2;
                        continue;
                    }
                    if (c == '"') {
                        quoted = false;
                    } else {
                        line += c == '\n' ? 1 : 0;
                        field.append(c);
                    }
                } else if (c == '"' && field.isEmpty()) {
                    quoted = true;
                    quoteLine = line;
                } else if (c == delimiter) {
                    record.add(field.toString());
                    field.setLength(0);
                } else if (c == '\r' || c == '\n') {
                    if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                        i++;
                    }
                    i++;
                    line++;
                    record.add(field.toString());
                    return record;
                } else {
                    field.append(c);
                }
                i++;
            }
            if (quoted) {
                throw new InvalidInputException(new FieldError("body", "malformed_csv",
                        "CSV lỗi: dấu ngoặc kép chưa đóng (từ dòng " + quoteLine + ").",
                        "Malformed CSV: a quote is never closed (from line " + quoteLine + ")."));
            }
            record.add(field.toString());
            return record;
        }
    }
}
