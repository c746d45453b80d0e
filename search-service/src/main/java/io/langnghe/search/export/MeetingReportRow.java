package io.langnghe.search.export;

import io.langnghe.contracts.CaseStatus;
import io.langnghe.contracts.TrackingCode;
import io.langnghe.contracts.taxonomy.Taxonomy;
import io.langnghe.search.cases.CodeName;
import io.langnghe.search.index.CaseDocument;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One petition of a voter-contact meeting as the report read out at the next meeting shows it: in
 * Vietnamese, names rather than codes, times in the ward's zone. Without contact or address.
 */
public final class MeetingReportRow {

    public static final List<String> HEADER = List.of(
            "Mã tra cứu", "Tổ dân phố", "Lĩnh vực", "Đơn vị xử lý", "Trạng thái", "Nội dung kiến nghị", "Trả lời của phường",
            "Ngày tiếp nhận", "Hạn xử lý", "Ngày trả lời", "Ngày giải quyết");

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private static final Map<CaseStatus, String> STATUS = Map.of(
            CaseStatus.NEW, "Mới tiếp nhận", CaseStatus.ASSIGNED, "Đã chuyển đơn vị xử lý",
            CaseStatus.ACKNOWLEDGED, "Đơn vị đã nhận", CaseStatus.IN_PROGRESS, "Đang xử lý",
            CaseStatus.ANSWERED, "Đã trả lời", CaseStatus.REOPENED, "Mở lại", CaseStatus.RESOLVED, "Đã giải quyết",
            CaseStatus.CLOSED, "Đã đóng", CaseStatus.REJECTED, "Không thụ lý", CaseStatus.MERGED, "Đã gộp vào vụ việc khác");

    private MeetingReportRow() {
    }

    public static ExportRow of(CaseDocument doc, Taxonomy taxonomy, ZoneId wardZone) {
        var milestones = doc.milestones();
        return new ExportRow(Arrays.asList(
                TrackingCode.display(doc.trackingCode()),
                doc.area() == null ? null : taxonomy.area(doc.area()).map(a -> a.vi()).orElse(doc.area()),
                name(CodeName.category(taxonomy, doc.category())),
                name(CodeName.department(taxonomy, doc.department())),
                doc.status() == null ? null : STATUS.getOrDefault(doc.status(), doc.status().code()),
                doc.text(),
                doc.publicAnswer(),
                when(doc.createdAt(), wardZone),
                when(doc.dueAt(), wardZone),
                milestones == null ? null : when(milestones.answeredAt(), wardZone),
                milestones == null ? null : when(milestones.resolvedAt(), wardZone)));
    }

    private static String name(CodeName named) {
        return named == null ? null : named.vi() != null ? named.vi() : named.code();
    }

    private static String when(Instant at, ZoneId zone) {
        return at == null ? null : WHEN.format(at.atZone(zone));
    }
}
