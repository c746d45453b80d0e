package io.langnghe.ingest.tracking;

import com.fasterxml.jackson.databind.JsonNode;
import io.langnghe.photos.PhotoStore;

import java.util.ArrayList;
import java.util.List;

/**
 * What a resident holding the tracking code may read, as search-service tells it: status, who
 * handles the petition, the deadline, the public answer with its photos of proof and the resident's rating (without its comment),
 * and for a letter whose requests became cases of their own, each request's status and answer. Anything else search-service might add
 * is left out here, so this public door never widens by accident.
 */
public record TrackingStatus(
        String trackingCode,
        String status,
        CodeName category,
        CodeName department,
        String createdAt,
        String updatedAt,
        String dueAt,
        String publicAnswer,
        SavedRating rating,
        List<AnswerPhoto> answerPhotos,
        List<TrackedRequest> requests) {

    /**
     * One request of a letter that the ward took up as a case of its own: its number in the letter, where it
     * stands and its answer (masked by search-service), never a code or a contact of its own.
     */
    public record TrackedRequest(int number, String status, CodeName category, CodeName department, String dueAt,
                                 String publicAnswer) {

        // more than any letter is split into
        private static final int MAX = 100;

        static List<TrackedRequest> from(JsonNode node) {
            if (node == null || !node.isArray()) {
                return List.of();
            }
            List<TrackedRequest> requests = new ArrayList<>();
            node.forEach(request -> {
                if (requests.size() < MAX && request.path("number").canConvertToInt()) {
                    requests.add(new TrackedRequest(request.path("number").asInt(), text(request, "status"),
                            CodeName.from(request.get("category")), CodeName.from(request.get("department")),
                            text(request, "dueAt"), text(request, "publicAnswer")));
                }
            });
            return List.copyOf(requests);
        }
    }

    /** A photo of the ward's proof: the bytes at /api/track/{code}/photos/{ref} (the petition's own photos are never public). */
    public record AnswerPhoto(String ref, String contentType) {

        static List<AnswerPhoto> from(JsonNode node) {
            if (node == null || !node.isArray()) {
                return List.of();
            }
            List<AnswerPhoto> photos = new ArrayList<>();
            node.forEach(photo -> {
                String ref = text(photo, "ref");
                if (ref != null && PhotoStore.REFERENCE.matcher(ref).matches()) {
                    photos.add(new AnswerPhoto(ref, text(photo, "contentType")));
                }
            });
            return List.copyOf(photos);
        }
    }

    /** The resident's last rating of the answer: stars and whether the problem is really fixed. */
    public record SavedRating(int stars, boolean fixed, String ratedAt) {

        static SavedRating from(JsonNode node) {
            return node == null || !node.isObject() || !node.path("stars").canConvertToInt() ? null
                    : new SavedRating(node.path("stars").asInt(), node.path("fixed").asBoolean(), text(node, "ratedAt"));
        }
    }

    /** A taxonomy code with its Vietnamese and English names. */
    public record CodeName(String code, String vi, String en) {

        static CodeName from(JsonNode node) {
            return node == null || !node.isObject() ? null : new CodeName(text(node, "code"), text(node, "vi"), text(node, "en"));
        }
    }

    static TrackingStatus from(JsonNode view) {
        return new TrackingStatus(
                text(view, "trackingCode"),
                text(view, "status"),
                CodeName.from(view.get("category")),
                CodeName.from(view.get("department")),
                text(view, "createdAt"),
                text(view, "updatedAt"),
                text(view, "dueAt"),
                text(view, "publicAnswer"),
                SavedRating.from(view.get("rating")),
                AnswerPhoto.from(view.get("answerPhotos")),
                TrackedRequest.from(view.get("requests")));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
