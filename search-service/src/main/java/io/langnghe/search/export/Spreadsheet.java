package io.langnghe.search.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The smallest valid XLSX: one sheet of inline strings, written as the four XML parts Office Open
 * XML needs. No spreadsheet library: a report of text cells needs nothing more.
 */
public final class Spreadsheet {

    private Spreadsheet() {
    }

    /** What starts a formula in Excel, LibreOffice or Google Sheets. */
    private static final String FORMULA_START = "=+-@\t\r";
    // A separator some locale splits on (',' in English, ';' in Vietnamese and most of Europe, a tab,
    // a line break), then spaces or quotes, then what starts a formula: a reader that splits where we
    // did not (a ';' locale opening a ',' file) would start a new cell right there.
    private static final Pattern FORMULA_AFTER_SEPARATOR = Pattern.compile("([,;\t|\r\n][ \"]*)([=+\\-@\t\r])");

    /**
     * Text that a spreadsheet could read as a formula, at its start or after any separator a locale
     * may split on, gets an apostrophe before the formula's first character.
     */
    static String defuse(String value) {
        String inside = FORMULA_AFTER_SEPARATOR.matcher(value).replaceAll("$1'$2");
        return !inside.isEmpty() && FORMULA_START.indexOf(inside.charAt(0)) >= 0 ? "'" + inside : inside;
    }

    public static byte[] write(String sheetName, List<String> header, List<ExportRow> rows) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            part(zip, "[Content_Types].xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
                    <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
                    <Default Extension="xml" ContentType="application/xml"/>
                    <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
                    <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
                    </Types>""");
            part(zip, "_rels/.rels", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
                    </Relationships>""");
            part(zip, "xl/workbook.xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
                    <sheets><sheet name="%s" sheetId="1" r:id="rId1"/></sheets>
                    </workbook>""".formatted(xml(sheetName)));
            part(zip, "xl/_rels/workbook.xml.rels", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
                    </Relationships>""");
            StringBuilder sheet = new StringBuilder("""
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>""");
            row(sheet, header);
            rows.forEach(r -> row(sheet, r.cells()));
            sheet.append("</sheetData></worksheet>");
            part(zip, "xl/worksheets/sheet1.xml", sheet.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void row(StringBuilder sheet, List<String> cells) {
        sheet.append("<row>");
        for (String cell : cells) {
            sheet.append("<c t=\"inlineStr\"><is><t xml:space=\"preserve\">")
                    .append(cell == null ? "" : xml(defuse(cell)))
                    .append("</t></is></c>");
        }
        sheet.append("</row>");
    }

    /** Escapes markup, and drops control characters XML 1.0 cannot carry. */
    static String xml(String value) {
        StringBuilder out = new StringBuilder(value.length());
        value.codePoints().forEach(c -> {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> {
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.toString();
    }

    private static void part(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.strip().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
