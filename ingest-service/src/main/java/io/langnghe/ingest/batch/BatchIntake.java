package io.langnghe.ingest.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.langnghe.contracts.FeedbackReceived;
import io.langnghe.ingest.intake.FeedbackIntake;
import io.langnghe.ingest.intake.FeedbackForm;
import io.langnghe.ingest.intake.IdempotencyConflictException;
import io.langnghe.ingest.intake.IdempotentReplies;
import io.langnghe.ingest.intake.InvalidInputException;
import io.langnghe.ingest.intake.Submission;
import io.langnghe.ingest.problem.FieldError;
import io.langnghe.text.VietnameseText;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Files the petitions of one meeting, row by row: each good row becomes a petition on the topic
 * (channel = the meeting's kind, batchId on every one), each bad row is answered with its reasons,
 * and neither stops the other. The batch id comes from who filed it and the meeting (plus the
 * client's batchKey), and each row is known by batchId + rowKey: sending the same batch again,
 * even with a corrected row, files only what was not filed yet.
 */
@Singleton
public class BatchIntake {

    private final FeedbackForm form;
    private final FeedbackIntake intake;

    public BatchIntake(FeedbackForm form, FeedbackIntake intake) {
        this.form = form;
        this.intake = intake;
    }

    /** @throws io.langnghe.ingest.intake.IntakeUnavailableException when Kafka stops acknowledging mid-batch */
    public BatchReceipt file(BatchForm.Parsed batch, String submittedBy) {
        Meeting meeting = batch.meeting();
        String batchId = batchId(meeting, batch.batchKey(), submittedBy);
        Map<String, String> client = Map.of("submittedBy", submittedBy);
        FeedbackIntake.Extras extras = FeedbackIntake.Extras.meeting(new FeedbackReceived.Meeting(
                meeting.kind().code(), meeting.date(), meeting.place(), meeting.chairedBy(), meeting.area()));
        Set<String> seen = new HashSet<>();
        List<RowResult> results = new ArrayList<>(batch.rows().size());
        for (int i = 0; i < batch.rows().size(); i++) {
            results.add(fileRow(batch.rows().get(i), i + 1, meeting, batchId, client, extras, seen));
        }
        return BatchReceipt.of(batchId, meeting, results);
    }

    private RowResult fileRow(JsonNode row, int position, Meeting meeting, String batchId, Map<String, String> client,
                              FeedbackIntake.Extras extras, Set<String> seen) {
        if (!row.isObject()) {
            return RowResult.rejected(String.valueOf(position), List.of(new FieldError("row", "not_object",
                    "Mỗi dòng phải là một đối tượng JSON {...}.", "Each row must be a JSON object {...}.")));
        }
        JsonNode keyNode = row.get("rowKey");
        String rowKey = keyNode == null || keyNode.isNull() ? String.valueOf(position)
                : keyNode.isTextual() || keyNode.isIntegralNumber() ? VietnameseText.normalize(keyNode.asText()) : null;
        if (rowKey == null || !BatchForm.KEY.matcher(rowKey).matches()) {
            return RowResult.rejected(String.valueOf(position), List.of(new FieldError("rowKey", "invalid",
                    "rowKey gồm 1 đến 64 chữ, số hoặc . _ : / # -", "rowKey is 1 to 64 letters, digits or . _ : / # -")));
        }
        if (!seen.add(rowKey)) {
            return RowResult.rejected(rowKey, List.of(new FieldError("rowKey", "duplicate",
                    "Hai dòng trong đợt có cùng rowKey '" + rowKey + "'; chỉ dòng đầu được nhận.",
                    "Two rows of the batch share rowKey '" + rowKey + "'; only the first was taken.")));
        }
        ObjectNode fields = ((ObjectNode) row).deepCopy();
        JsonNode area = fields.get("area");
        if ((area == null || area.isNull() || (area.isTextual() && area.textValue().isBlank())) && meeting.area() != null) {
            fields.put("area", meeting.area());
        }
        try {
            Submission submission = form.readFields(fields, meeting.kind());
            IdempotentReplies.Outcome outcome = intake.acceptFromSource(submission, intake.contact(submission), batchId,
                    "batch:" + batchId + "/" + rowKey, client, extras);
            return RowResult.accepted(rowKey, outcome.receipt().feedbackId(), outcome.receipt().trackingCode(), !outcome.first());
        } catch (InvalidInputException e) {
            return RowResult.rejected(rowKey, e.errors());
        } catch (IdempotencyConflictException e) {
            return RowResult.rejected(rowKey, List.of(new FieldError("rowKey", "reused",
                    "Dòng '" + rowKey + "' của đợt này đã được gửi với nội dung khác; hãy dùng rowKey mới cho kiến nghị mới.",
                    "Row '" + rowKey + "' of this batch was sent before with different content; use a new rowKey for a new petition.")));
        }
    }

    /** "b-" and 24 hex digits of SHA-256 over who filed it, the meeting (folded, so "Nhà văn hóa" = "nha van hoa") and the batch key. */
    static String batchId(Meeting meeting, String batchKey, String submittedBy) {
        String identity = String.join("\n", submittedBy, meeting.kind().code(), meeting.date().toString(),
                VietnameseText.fold(meeting.place()), VietnameseText.fold(meeting.chairedBy()),
                String.valueOf(meeting.area()), String.valueOf(batchKey));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return "b-" + HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
