package io.langnghe.routing;

import io.langnghe.contracts.CaseCommand;
import io.langnghe.contracts.Rating;
import io.langnghe.contracts.CaseCommand.Actor;
import io.langnghe.contracts.CaseCommand.Type;
import io.langnghe.contracts.Category;
import io.langnghe.contracts.FeedbackReceived;

import java.time.Instant;
import java.util.List;

/** An officer's command as search-service sends it, with defaults a test overrides where it matters. */
final class TestCommand {

    private static int sequence;
    private String area;

    private String commandId = "cmd-" + (++sequence);
    private String caseId = "fb-1";
    private final Type type;
    private Actor actor = officerOf("kinh_te_ha_tang_do_thi");
    private String department;
    private String targetCaseId;
    private String text;
    private Category category;
    private CaseCommand.Assessment assessment;
    private Rating rating;
    private List<FeedbackReceived.PhotoRef> photos = List.of();

    private TestCommand(Type type) {
        this.type = type;
    }

    static TestCommand command(Type type) {
        return new TestCommand(type);
    }

    static Actor officerOf(String department) {
        return new Actor("canbo." + department, "OFFICER", department);
    }

    /** "officer" (of kinh_te_ha_tang_do_thi, the drain's), "officer:&lt;department&gt;", "leader", "operator", "resident" or "system". */
    static Actor actor(String role) {
        return switch (role) {
            case "leader" -> new Actor("lanhdao", "LEADER", null);
            case "operator" -> new Actor("tongdai", "OPERATOR", null);
            case "resident" -> new Actor("resident", "RESIDENT", null);
            case "system" -> new Actor("early-warning", "SYSTEM", null);
            case "officer" -> officerOf("kinh_te_ha_tang_do_thi");
            default -> officerOf(role.replace("officer:", ""));
        };
    }

    TestCommand caseId(String caseId) {
        this.caseId = caseId;
        return this;
    }

    TestCommand by(Actor actor) {
        this.actor = actor;
        return this;
    }

    TestCommand department(String department) {
        this.department = department;
        return this;
    }

    TestCommand target(String targetCaseId) {
        this.targetCaseId = targetCaseId;
        return this;
    }

    TestCommand text(String text) {
        this.text = text;
        return this;
    }

    TestCommand category(Category category) {
        this.category = category;
        return this;
    }

    TestCommand assessment(CaseCommand.Assessment assessment) {
        this.assessment = assessment;
        return this;
    }

    TestCommand rating(Rating rating) {
        this.rating = rating;
        return this;
    }

    TestCommand area(String area) {
        this.area = area;
        return this;
    }

    TestCommand photos(List<FeedbackReceived.PhotoRef> photos) {
        this.photos = photos;
        return this;
    }

    CaseCommand build() {
        return CaseCommand.of(commandId, caseId, type, actor, Instant.parse("2025-09-15T03:00:00Z"))
                .withDepartment(department).withTargetCaseId(targetCaseId).withText(text).withCategory(category)
                .withAssessment(assessment).withRating(rating).withPhotos(photos).withArea(area);
    }
}
