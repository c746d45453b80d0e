package io.langnghe.notify.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The message texts, one file per channel, event and language in the taxonomy folder:
 * {@code taxonomy/messages/<channel>/<event>.<language>.txt}, with {@code {code}}, {@code {link}},
 * {@code {answer}}, {@code {reason}} and {@code {department}} filled in. An e-mail file's first line
 * is its subject. Every file a channel needs is read at start-up: a missing one stops the service.
 */
public final class Templates {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z]+)}");

    private final Map<String, String> byName;

    private Templates(Map<String, String> byName) {
        this.byName = Map.copyOf(byName);
    }

    /** Reads every channel's template for every event and language from the classpath. */
    public static Templates load(List<String> channels, List<String> events, List<String> languages) {
        Map<String, String> found = new HashMap<>();
        for (String channel : channels) {
            for (String event : events) {
                for (String language : languages) {
                    String name = name(channel, event, language);
                    String path = "taxonomy/messages/" + name + ".txt";
                    try (InputStream in = Templates.class.getClassLoader().getResourceAsStream(path)) {
                        if (in == null) {
                            throw new IllegalStateException("Missing message template " + path);
                        }
                        found.put(name, new String(in.readAllBytes(), StandardCharsets.UTF_8).strip());
                    } catch (IOException e) {
                        throw new UncheckedIOException(path, e);
                    }
                }
            }
        }
        return new Templates(found);
    }

    /** The template's name as the history shows it, e.g. {@code sms/answered.vi}. */
    public static String name(String channel, String event, String language) {
        return channel + "/" + event + "." + language;
    }

    public boolean has(String name) {
        return byName.containsKey(name);
    }

    /** The template with its placeholders filled; an unknown placeholder is left empty. */
    public String fill(String name, Map<String, String> values) {
        String template = byName.get(name);
        if (template == null) {
            throw new IllegalArgumentException("No message template " + name);
        }
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(values.getOrDefault(matcher.group(1), "")));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
