package io.langnghe.search.index;

/**
 * Every field name of the cases index, in one place: the mapping
 * ({@code elasticsearch/cases-template.json}), the documents and the queries all use these.
 */
public final class CaseFields {
    public static final String CASE_ID = "caseId";
    /** A letter's link to the cases made of its requests, and a request's case's link to its letter. */
    public static final String LETTER = "letter";
    public static final String LETTER_ID = "letter.letterId";
    public static final String TRACKING_CODE = "trackingCode";
    public static final String FEEDBACK_ID = "feedbackId";
    public static final String CHANNEL = "channel";
    public static final String TEXT = "text";
    public static final String TEXT_FOLDED = "textFolded";
    public static final String CATEGORY = "category";
    public static final String DEPARTMENT = "department";
    public static final String STATUS = "status";
    public static final String AREA = "area";
    public static final String BATCH_ID = "batchId";
    public static final String RECEIVED_AT = "receivedAt";
    public static final String CREATED_AT = "createdAt";
    public static final String UPDATED_AT = "updatedAt";
    public static final String DUE_AT = "dueAt";
    public static final String VERSION = "version";
    public static final String CLASSIFICATION = "classification";
    public static final String CONTACT = "contact";
    public static final String ADDRESS = "address";
    public static final String PUBLIC_ANSWER = "publicAnswer";
    public static final String HISTORY = "history";
    public static final String MILESTONES = "milestones";
    public static final String MINUTES_TO_ACKNOWLEDGE = "milestones.minutesToAcknowledge";
    public static final String MINUTES_TO_RESOLVE = "milestones.minutesToResolve";
    public static final String ON_TIME = "milestones.onTime";
    public static final String URGENT = "urgent";
    public static final String CASE_TYPE = "caseType";
    public static final String DEADLINE_STATE = "deadlineState";
    public static final String COMPLEX = "complex";
    public static final String EXTENSIONS = "extensions";
    public static final String CASE_REF = "caseRef";
    public static final String CLUSTER_ID = "clusterId";
    public static final String RISK = "risk";
    public static final String RISK_SCORE = "risk.score";
    public static final String RISK_LEVEL = "risk.level";
    public static final String RATING = "rating";
    public static final String PHOTOS = "photos";
    public static final String ANSWER_PHOTOS = "answerPhotos";
    public static final String RATING_STARS = "rating.stars";
    public static final String RATING_FIXED = "rating.fixed";

    private CaseFields() {
    }
}
