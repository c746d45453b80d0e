package io.langnghe.ingest.channels;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.langnghe.contracts.Json;
import io.langnghe.ingest.intake.InvalidInputException;
import io.langnghe.ingest.problem.FieldError;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.regex.Pattern;

/** What the gateway webhooks share: reading their bodies, and comparing secrets in constant time. */
public final class Webhooks {

    static final Pattern MESSAGE_ID = Pattern.compile("[\\x21-\\x7E]{1,128}");

    private Webhooks() {
    }

    static boolean sameSecret(String given, String expected) {
        return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }

    static ObjectNode json(byte[] body) {
        if (body == null || body.length == 0) {
            throw new InvalidInputException(new FieldError("body", "required", "Yêu cầu không có nội dung.", "The request has no body."));
        }
        try {
            JsonNode json = Json.mapper().readTree(body);
            if (json instanceof ObjectNode object) {
                return object;
            }
        } catch (JacksonException e) {
            // answered below like any other body that is not a JSON object
        } catch (IOException e) {
            throw new InvalidInputException(new FieldError("body", "unreadable", "Không đọc được nội dung gửi lên.", "The body could not be read."));
        }
        throw new InvalidInputException(new FieldError("body", "not_object",
                "Nội dung phải là một đối tượng JSON {...}.", "The body must be a JSON object {...}."));
    }

    /** application/x-www-form-urlencoded as many SMS gateways post it, read into the same shape as JSON. */
    public static ObjectNode form(byte[] body) {
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        if (body == null) {
            return fields;
        }
        for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                fields.put(name, value);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(new FieldError("body", "malformed_form",
                        "Nội dung biểu mẫu bị lỗi mã hóa (%xx).", "The form body has a broken %xx escape."));
            }
        }
        return fields;
    }
}
