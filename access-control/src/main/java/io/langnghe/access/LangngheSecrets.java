package io.langnghe.access;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.env.Environment;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.inject.Inject;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every secret of a service lives under {@code langnghe.secrets.*} and comes from the environment.
 * In the local stack each one defaults to {@value #DEMO}; anywhere else a service refuses to start
 * while a secret still holds that value, or while one of the ward's own secrets (those
 * {@code ./langnghe secrets} makes) is shorter than {@value #MIN_LENGTH} characters or, for the JWT
 * key, is not {@value #MIN_LENGTH} random bytes in base64; the message names each setting to change.
 * Secrets others issue (Zalo's OA key, a bucket's keys) are only checked for the demo value.
 */
@Context
public class LangngheSecrets {

    public static final String DEMO = "langnghe-demo";
    /** As many characters as a 256-bit key in hex needs half of: short secrets can be guessed offline. */
    public static final int MIN_LENGTH = 32;
    /** Made by the ward ({@link FreshSecrets}), so they can be as long as it takes. */
    static final Set<String> OWN = Set.of("jwt", "contact-hash", "sms-webhook", "open311", "commands");

    private final Map<String, Object> secrets;
    private final boolean localStack;

    @Inject
    public LangngheSecrets(Environment environment) {
        this.secrets = environment.getProperties("langnghe.secrets");
        this.localStack = environment.getProperty("langnghe.local-stack", Boolean.class, false);
        if (localStack) {
            return;
        }
        TreeSet<String> demo = new TreeSet<>();
        TreeSet<String> weak = new TreeSet<>();
        secrets.forEach((name, value) -> {
            String secret = String.valueOf(value);
            if (DEMO.equals(secret)) {
                demo.add(name);
            } else if (OWN.contains(name) && !secret.isBlank() && !strong(name, secret)) {
                weak.add(name);
            }
        });
        if (!demo.isEmpty()) {
            throw new ConfigurationException("Refusing to start with demo secrets outside the local stack: set "
                    + environmentNames(demo) + " in the environment (or LANGNGHE_LOCAL_STACK=true on a developer machine).");
        }
        if (!weak.isEmpty()) {
            throw new ConfigurationException("Refusing to start with secrets shorter than " + MIN_LENGTH + " characters"
                    + " (the JWT key: " + MIN_LENGTH + " random bytes in base64): set " + environmentNames(weak)
                    + "; ./langnghe secrets prints a fresh set.");
        }
    }

    /** Each comma-separated value (Open311 takes several keys) long enough; the JWT key real random bytes. */
    private static boolean strong(String name, String secret) {
        if (name.equals("jwt")) {
            return JwtSigning.keyBytes(secret).map(key -> key.length >= MIN_LENGTH).orElse(false);
        }
        return Arrays.stream(secret.split(",")).map(String::strip).allMatch(part -> part.length() >= MIN_LENGTH);
    }

    private static String environmentNames(Set<String> names) {
        return String.join(", ", names.stream().map(n -> "LANGNGHE_SECRETS_" + n.toUpperCase().replace('-', '_')).toList());
    }

    /** The value of {@code langnghe.secrets.<name>}; fails clearly when it is not configured. */
    public String get(String name) {
        Object value = secrets.get(name);
        if (value == null || String.valueOf(value).isBlank()) {
            throw new ConfigurationException("The secret langnghe.secrets." + name + " is not set (environment LANGNGHE_SECRETS_"
                    + name.toUpperCase().replace('-', '_') + ")");
        }
        return String.valueOf(value);
    }

    public boolean isLocalStack() {
        return localStack;
    }
}
