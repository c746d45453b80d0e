package io.langnghe.ingest.open311;

import io.langnghe.contracts.Json;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The two formats GeoReport v2 requires, chosen by the path's extension. A response is a list of
 * flat records (maps, in field order); in XML the list is {@code <root>} and each record
 * {@code <item>}, a nested list {@code <formats>} holds {@code <format>} children.
 */
enum Open311Format {
    JSON, XML;

    /** Splits "services.json" into its name and format. */
    static Open311Format of(String file, String name) {
        if (file.equalsIgnoreCase(name + ".json")) {
            return JSON;
        }
        if (file.equalsIgnoreCase(name + ".xml")) {
            return XML;
        }
        throw new Open311Error(HttpStatus.NOT_FOUND, "Không có tài nguyên '" + file + "'; dùng " + name + ".json hoặc " + name + ".xml",
                "No resource '" + file + "'; use " + name + ".json or " + name + ".xml");
    }

    MutableHttpResponse<String> render(HttpStatus status, String root, String item, List<? extends Map<String, ?>> records) {
        String body = this == JSON ? json(records) : xml(root, item, records);
        return HttpResponse.<String>status(status)
                .contentType(this == JSON ? MediaType.APPLICATION_JSON_TYPE : MediaType.of("text/xml; charset=utf-8"))
                .body(body);
    }

    MutableHttpResponse<String> renderOne(HttpStatus status, String root, Map<String, ?> record) {
        String body = this == JSON ? json(record) : "<?xml version=\"1.0\" encoding=\"utf-8\"?>" + element(root, record);
        return HttpResponse.<String>status(status)
                .contentType(this == JSON ? MediaType.APPLICATION_JSON_TYPE : MediaType.of("text/xml; charset=utf-8"))
                .body(body);
    }

    MutableHttpResponse<String> error(Open311Error error) {
        return render(error.status(), "errors", "error",
                List.of(Map.of("code", error.status().getCode(), "description", error.getMessage())));
    }

    private static String json(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String xml(String root, String item, List<? extends Map<String, ?>> records) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?><").append(root).append('>');
        records.forEach(record -> xml.append(element(item, record)));
        return xml.append("</").append(root).append('>').toString();
    }

    private static String element(String name, Object value) {
        StringBuilder xml = new StringBuilder("<").append(name).append('>');
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, inner) -> {
                if (inner != null) {
                    xml.append(element(String.valueOf(key), inner));
                }
            });
        } else if (value instanceof List<?> list) {
            String child = name.endsWith("s") ? name.substring(0, name.length() - 1) : name;
            list.forEach(inner -> xml.append(element(child, inner)));
        } else {
            xml.append(escape(String.valueOf(value)));
        }
        return xml.append("</").append(name).append('>').toString();
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    // XML 1.0 has no way to carry most control characters: they are dropped.
                    if (c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c != 0xFFFE && c != 0xFFFF)) {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.toString();
    }
}
