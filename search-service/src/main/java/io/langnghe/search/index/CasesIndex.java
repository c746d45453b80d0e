package io.langnghe.search.index;

/**
 * Names of the cases index. Searches and writes go through the alias; the concrete index carries a
 * version, so a new mapping means a new index and a switch of the alias, never a broken search.
 *
 * @param alias    {@code <prefix>-cases}
 * @param current  {@code <prefix>-cases-v1}, the index this build creates when the alias is missing
 * @param template {@code <prefix>-cases}, the index template for every {@code <prefix>-cases-v*}
 */
public record CasesIndex(String alias, String current, String template, String pattern) {

    static final int CURRENT_VERSION = 1;

    public static CasesIndex withPrefix(String prefix) {
        return named(prefix, "cases");
    }

    /** The same naming for another kind of document of this deployment, e.g. {@code <prefix>-alerts}. */
    public static CasesIndex named(String prefix, String kind) {
        if (prefix == null || !prefix.matches("[a-z0-9][a-z0-9._-]*")) {
            throw new IllegalArgumentException("index prefix must be lowercase letters, digits, '.', '_' or '-', got: " + prefix);
        }
        String alias = prefix + "-" + kind;
        return new CasesIndex(alias, alias + "-v" + CURRENT_VERSION, alias, alias + "-v*");
    }
}
