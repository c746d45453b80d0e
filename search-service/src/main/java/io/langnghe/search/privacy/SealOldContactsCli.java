package io.langnghe.search.privacy;

import io.langnghe.search.indexing.KafkaSettings;

import java.time.Clock;
import java.util.Locale;

/**
 * {@code ./langnghe seal-old-contacts}: seals, once, the contacts of cases written before contacts were
 * sealed ({@link OldContactSealing}), with the service's environment (Kafka as {@link KafkaSettings#forTools},
 * LANGNGHE_TOPICS_PREFIX, LANGNGHE_SECRETS_COMMANDS, which routing-streams checks the
 * commands with). Progress on stderr; the result is one JSON line on stdout.
 */
public final class SealOldContactsCli {

    private SealOldContactsCli() {
    }

    public static void main(String[] args) {
        KafkaSettings kafka = KafkaSettings.forTools(System::getenv);
        try (OldContactSealing sealing = new OldContactSealing(kafka, env("LANGNGHE_SECRETS_COMMANDS", "langnghe-demo"), Clock.systemUTC())) {
            OldContactSealing.Progress done = sealing.run(p -> System.err.printf(Locale.ROOT, "  read %,d cases, %,d in clear, %,d sealed%n",
                    Math.max(0, p.casesRead()), p.inClear(), p.sealed()));
            System.out.printf(Locale.ROOT, "{\"inClear\":%d,\"sealCommandsSent\":%d}%n", done.inClear(), done.sealed());
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
