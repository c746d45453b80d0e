package io.langnghe.search.actions;

import io.langnghe.search.problem.FieldError;
import io.langnghe.search.problem.Problem;
import io.langnghe.search.problem.ProblemException;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The command id of an officer's action. Given an {@code Idempotency-Key}, it is derived from the officer,
 * the case and the key, so a retry is the same command (routing-streams applies a command id once) and
 * another officer's key cannot collide with it; without one, every action is a new command.
 */
final class ActionIds {

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{8,100}");

    private ActionIds() {
    }

    static String commandId(String username, String caseId, String idempotencyKey) {
        if (idempotencyKey == null) {
            return UUID.randomUUID().toString();
        }
        if (!KEY.matcher(idempotencyKey).matches()) {
            throw new ProblemException(Problem.invalidInput(List.of(new FieldError("Idempotency-Key", "invalid",
                    "Idempotency-Key phải có 8–100 ký tự chữ, số, '.', '_', ':' hoặc '-'.",
                    "Idempotency-Key must be 8–100 letters, digits, '.', '_', ':' or '-'."))));
        }
        return UUID.nameUUIDFromBytes((username + '\n' + caseId + '\n' + idempotencyKey).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
