package io.langnghe.ingest.intake;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.langnghe.ingest.problem.FieldError;

import java.io.IOException;

/**
 * A request body that must be one JSON object, read strictly: duplicate keys and trailing junk are
 * refused, as are empty and oversized bodies, each with a field-naming error in both languages.
 */
public final class JsonBody {

    private static final ObjectReader READER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build()
            .reader();

    private JsonBody() {
    }

    public static JsonNode readObject(byte[] body, long maxBytes) {
        if (body == null || body.length == 0) {
            throw new InvalidInputException(new FieldError("body", "required",
                    "Yêu cầu không có nội dung JSON.", "The request has no JSON body."));
        }
        if (body.length > maxBytes) {
            throw new InvalidInputException(FeedbackForm.bodyTooLarge(maxBytes));
        }
        JsonNode json;
        try {
            json = READER.readTree(body);
        } catch (JacksonException | IllegalArgumentException e) {
            throw new InvalidInputException(new FieldError("body", "malformed_json",
                    "Nội dung gửi lên không phải JSON hợp lệ (UTF-8).", "The body is not valid JSON (UTF-8)."));
        } catch (IOException e) {
            throw new InvalidInputException(new FieldError("body", "unreadable",
                    "Không đọc được nội dung gửi lên.", "The body could not be read."));
        }
        if (json == null || !json.isObject()) {
            throw new InvalidInputException(new FieldError("body", "not_object",
                    "Nội dung phải là một đối tượng JSON {...}.", "The body must be a JSON object {...}."));
        }
        return json;
    }
}
