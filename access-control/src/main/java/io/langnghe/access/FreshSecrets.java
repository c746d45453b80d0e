package io.langnghe.access;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code ./langnghe secrets}: a fresh set of the ward's own secrets for one deployment, printed as
 * environment lines for docker-compose's {@code .env} (stdout; the note on what else to set goes
 * to stderr). Each is 32 random bytes from {@link SecureRandom} in base64 (44 characters): the JWT
 * key is those bytes, the others are used as they are written. Zalo's OA key is Zalo's to issue.
 */
public final class FreshSecrets {

    static final int BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private FreshSecrets() {
    }

    public static void main(String[] args) {
        fresh().forEach((name, value) -> System.out.println(name + "=" + value));
        freshLogins().forEach((name, value) -> System.out.println(name + "=" + value));
        System.err.println("# Giữ kín các giá trị này; LANGNGHE_SECRETS_ZALO_OA lấy từ trang quản trị Zalo OA."
                + " / Keep these secret; LANGNGHE_SECRETS_ZALO_OA comes from Zalo's OA console.");
    }

    /** Environment name to a fresh value, one per secret the ward makes itself. */
    static Map<String, String> fresh() {
        Map<String, String> secrets = new LinkedHashMap<>();
        for (String name : new String[] {"jwt", "contact-hash", "sms-webhook", "open311", "commands"}) {
            secrets.put("LANGNGHE_SECRETS_" + name.toUpperCase().replace('-', '_'), randomBase64());
        }
        return secrets;
    }

    /**
     * Passwords of the services' Kafka principals and Elasticsearch users (docker-compose.yml). URL-safe
     * base64 without padding: no character that Kafka's SCRAM configuration, a JAAS line or JSON would read.
     */
    static Map<String, String> freshLogins() {
        Map<String, String> logins = new LinkedHashMap<>();
        for (String name : new String[] {"kafka-admin", "kafka-ingest", "kafka-routing", "kafka-search", "kafka-notification",
                "elastic", "elastic-search"}) {
            byte[] bytes = new byte[BYTES];
            RANDOM.nextBytes(bytes);
            logins.put("LANGNGHE_SECRETS_" + name.toUpperCase().replace('-', '_'), Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
        }
        return logins;
    }

    private static String randomBase64() {
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
