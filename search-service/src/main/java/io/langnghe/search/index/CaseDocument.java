package io.langnghe.search.index;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.langnghe.contracts.CaseState;
import io.langnghe.contracts.CaseType;
import io.langnghe.contracts.DeadlineState;
import io.langnghe.contracts.FeedbackReceived;
import io.langnghe.contracts.Rating;
import io.langnghe.contracts.Risk;
import io.langnghe.contracts.CaseStatus;
import io.langnghe.contracts.Category;
import io.langnghe.contracts.Channel;
import io.langnghe.contracts.Contact;
import io.langnghe.contracts.HistoryEntry;
import io.langnghe.contracts.Place;
import io.langnghe.contracts.ProposedRequest;
import io.langnghe.contracts.TrackingCode;
import io.langnghe.text.VietnameseText;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static io.langnghe.search.index.CaseFields.*;

/**
 * A case as stored in the index: its latest state, plus the folded text that searches match
 * (folded here, in Java, the same way queries are). Contact, address and history are kept for the
 * case page but are not searchable. The early warning's issue (cluster) and risk, and the resident's
 * rating, are searchable: the queue sorts by risk, the dashboard counts clusters and ratings. Photo
 * references (the petition's, the answer's proof) are stored only.
 */
public record CaseDocument(
        @JsonProperty(CASE_ID) String caseId,
        @JsonProperty(TRACKING_CODE) String trackingCode,
        @JsonProperty(FEEDBACK_ID) String feedbackId,
        @JsonProperty(CHANNEL) Channel channel,
        @JsonProperty(TEXT) String text,
        @JsonProperty(TEXT_FOLDED) String textFolded,
        @JsonProperty(CATEGORY) Category category,
        @JsonProperty(DEPARTMENT) String department,
        @JsonProperty(STATUS) CaseStatus status,
        @JsonProperty(AREA) String area,
        @JsonProperty(BATCH_ID) String batchId,
        @JsonProperty(RECEIVED_AT) Instant receivedAt,
        @JsonProperty(CREATED_AT) Instant createdAt,
        @JsonProperty(UPDATED_AT) Instant updatedAt,
        @JsonProperty(DUE_AT) Instant dueAt,
        @JsonProperty(VERSION) long version,
        @JsonProperty(CLASSIFICATION) ClassificationSummary classification,
        @JsonProperty(CONTACT) Contact contact,
        @JsonProperty(ADDRESS) String address,
        @JsonProperty(PUBLIC_ANSWER) String publicAnswer,
        @JsonProperty(HISTORY) List<HistoryEntry> history,
        @JsonProperty(MILESTONES) Milestones milestones,
        @JsonProperty(URGENT) boolean urgent,
        @JsonProperty(CASE_TYPE) CaseType caseType,
        @JsonProperty(DEADLINE_STATE) DeadlineState deadlineState,
        @JsonProperty(COMPLEX) boolean complex,
        @JsonProperty(EXTENSIONS) int extensions,
        @JsonProperty(CASE_REF) String caseRef,
        @JsonProperty(CLUSTER_ID) String clusterId,
        @JsonProperty(RISK) Risk risk,
        @JsonProperty(RATING) Rating rating,
        @JsonProperty(PHOTOS) List<FeedbackReceived.PhotoRef> photos,
        @JsonProperty(ANSWER_PHOTOS) List<FeedbackReceived.PhotoRef> answerPhotos,
        @JsonProperty(LETTER) CaseState.Letter letter) {

    public CaseDocument {
        // documents indexed before photos reached the case have neither list
        photos = photos == null ? List.of() : photos;
        answerPhotos = answerPhotos == null ? List.of() : answerPhotos;
        // and documents indexed before letters' requests became cases have no letter
        letter = letter == null ? CaseState.Letter.NONE : letter;
    }

    /** The photo under this reference, if the case has it: the petition's, or the answer's proof. */
    public Optional<FeedbackReceived.PhotoRef> photo(String ref, boolean answerOnly) {
        return Stream.concat(answerOnly ? Stream.empty() : photos.stream(), answerPhotos.stream())
                .filter(p -> p.ref().equals(ref))
                .findFirst();
    }

    /**
     * Why the classifier chose the category (the category itself is a top-level field), the place the
     * petition's words name, and the requests of a letter that holds several: stored for the case page only.
     */
    public record ClassificationSummary(double confidence, List<String> reasons,
                                        @JsonInclude(JsonInclude.Include.NON_NULL) Place place,
                                        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ProposedRequest> requests) {

        public ClassificationSummary {
            requests = requests == null ? List.of() : requests;
        }

        public ClassificationSummary(double confidence, List<String> reasons) {
            this(confidence, reasons, null, List.of());
        }
    }

    public static CaseDocument of(CaseState state) {
        var classification = state.classification() == null ? null
                : new ClassificationSummary(state.classification().confidence(), state.classification().reasons(),
                state.classification().place(), state.classification().requests());
        return new CaseDocument(
                state.caseId(),
                TrackingCode.normalise(state.trackingCode()),
                state.feedbackId(),
                state.channel(),
                state.text(),
                VietnameseText.fold(state.text()),
                state.category(),
                state.department(),
                state.status(),
                state.area(),
                state.batchId(),
                state.receivedAt(),
                state.createdAt(),
                state.updatedAt(),
                state.dueAt(),
                state.version(),
                classification,
                state.contact(),
                state.address(),
                state.publicAnswer(),
                state.history(),
                Milestones.of(state.createdAt(), state.dueAt(), state.history()),
                state.urgent(),
                state.caseType(),
                state.deadlineState(),
                state.complex(),
                state.extensions(),
                TrackingCode.normalise(state.caseRef()),
                state.clusterId(),
                state.risk(),
                state.rating(),
                state.photos(),
                state.answerPhotos(),
                state.letter());
    }
}
