package io.langnghe.access;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.env.Environment;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.inject.Inject;

import java.util.Map;
import java.util.TreeSet;

/**
 * Every secret of a service lives under {@code langnghe.secrets.*} and comes from the environment.
 * In the local stack each one defaults to {@value #DEMO}; anywhere else a service that still holds
 * that value refuses to start, naming the setting to change.
 */
@Context
public class LangngheSecrets {

    public static final String DEMO = "langnghe-demo";

    private final Map<String, Object> secrets;
    private final boolean localStack;

    @Inject
    public LangngheSecrets(Environment environment) {
        this.secrets = environment.getProperties("langnghe.secrets");
        this.localStack = environment.getProperty("langnghe.local-stack", Boolean.class, false);
        TreeSet<String> demo = new TreeSet<>();
        secrets.forEach((name, value) -> {
            if (DEMO.equals(String.valueOf(value))) {
                demo.add(name);
            }
        });
        if (!localStack && !demo.isEmpty()) {
            throw new ConfigurationException("Refusing to start with demo secrets outside the local stack: set "
                    + String.join(", ", demo.stream().map(n -> "LANGNGHE_SECRETS_" + n.toUpperCase().replace('-', '_')).toList())
                    + " in the environment (or LANGNGHE_LOCAL_STACK=true on a developer machine).");
        }
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
