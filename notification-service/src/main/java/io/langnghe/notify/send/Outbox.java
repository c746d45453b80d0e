package io.langnghe.notify.send;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.langnghe.contracts.Json;
import io.langnghe.contracts.NotificationRequest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The local stack's record of what residents and staff would receive: one JSON line per message handed
 * to a channel, held or merged, in {@code $LANGNGHE_HOME/outbox/messages.jsonl}. Off (no file) outside the local stack.
 */
public final class Outbox {

    private final Path file;

    private Outbox(Path file) {
        this.file = file;
    }

    public static Outbox at(Path file) {
        return new Outbox(file);
    }

    public static Outbox off() {
        return new Outbox(null);
    }

    public boolean enabled() {
        return file != null;
    }

    public Path file() {
        return file;
    }

    public void append(Instant at, NotificationRequest request, String status) {
        if (file == null) {
            return;
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("at", at.toString());
        line.put("channel", request.channel());
        line.put("to", request.recipient());
        line.put("caseId", request.caseId());
        line.put("trackingCode", request.trackingCode());
        line.put("event", request.event());
        line.put("status", status);
        line.put("text", request.subject() == null ? request.text() : request.subject() + "\n" + request.text());
        try {
            byte[] bytes = (Json.mapper().writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8);
            synchronized (this) {
                Files.createDirectories(file.getParent());
                Files.write(file, bytes, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not append to the outbox " + file, e);
        }
    }
}
