package io.langnghe.search.export;

import io.langnghe.search.index.CaseDocument;
import io.langnghe.contracts.TrackingCode;

import java.util.List;

/** One case as a report line. No contact or address: exports leave the system, contacts must not. */
public record ExportRow(List<String> cells) {

    public static final List<String> HEADER = List.of(
            "caseId", "trackingCode", "createdAt", "channel", "area", "category", "department", "status", "dueAt",
            "text", "publicAnswer");

    public static ExportRow of(CaseDocument doc) {
        return new ExportRow(java.util.Arrays.asList(
                doc.caseId(),
                TrackingCode.display(doc.trackingCode()),
                doc.createdAt() == null ? null : doc.createdAt().toString(),
                doc.channel() == null ? null : doc.channel().code(),
                doc.area(),
                doc.category() == null ? null : doc.category().code(),
                doc.department(),
                doc.status() == null ? null : doc.status().code(),
                doc.dueAt() == null ? null : doc.dueAt().toString(),
                doc.text(),
                doc.publicAnswer()));
    }
}
