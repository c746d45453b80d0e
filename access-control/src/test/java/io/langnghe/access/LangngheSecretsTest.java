package io.langnghe.access;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.exceptions.BeanInstantiationException;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.jwt.generator.JwtTokenGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LangngheSecretsTest {

    @Test
    void refusesToStartWithTheDemoSecretOutsideTheLocalStack() {
        assertThatThrownBy(() -> ApplicationContext.run(Map.of(
                "langnghe.local-stack", "false",
                "langnghe.secrets.jwt", "langnghe-demo")))
                .hasRootCauseMessage("Refusing to start with demo secrets outside the local stack: set "
                        + "LANGNGHE_SECRETS_JWT in the environment (or LANGNGHE_LOCAL_STACK=true on a developer machine).")
                .isInstanceOf(BeanInstantiationException.class);
    }

    @Test
    void startsWithTheDemoSecretInTheLocalStack() {
        try (ApplicationContext context = ApplicationContext.run(Map.of(
                "langnghe.local-stack", "true",
                "langnghe.secrets.jwt", "langnghe-demo"))) {
            assertThat(context.getBean(LangngheSecrets.class).get("jwt")).isEqualTo("langnghe-demo");
        }
    }

    @Test
    void startsWithAFreshSetAnywhere() {
        Map<String, Object> properties = new HashMap<>(Map.of("langnghe.local-stack", "false"));
        FreshSecrets.fresh().forEach((name, value) -> properties.put(property(name), value));

        try (ApplicationContext context = ApplicationContext.run(properties)) {
            assertThat(context.getBean(LangngheSecrets.class).isLocalStack()).isFalse();
            assertThat(context.getBean(JwtTokenGenerator.class)
                    .generateToken(Authentication.build("lanhdao", List.of(Roles.LEADER)), 60)).isPresent();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "jwt, a-real-secret-from-the-vault",
            "jwt, this passphrase is long enough but is no base64 key!",
            "jwt, c2hvcnQta2V5LW9mLTI0LWJ5dGVzLi4u",
            "contact-hash, 31-characters-of-a-hashing-salt",
            "sms-webhook, short",
            "open311, key-one-that-is-long-enough-to-pass;short"})
    void refusesASecretShorterThan32CharactersOrAJwtKeyThatIsNotRandomBytes(String name, String value) {
        Map<String, Object> properties = new HashMap<>(Map.of("langnghe.local-stack", "false"));
        FreshSecrets.fresh().forEach((env, fresh) -> properties.put(property(env), fresh));
        properties.put("langnghe.secrets." + name, value.replace(';', ','));

        assertThatThrownBy(() -> ApplicationContext.run(properties))
                .isInstanceOf(BeanInstantiationException.class)
                .hasRootCauseMessage("Refusing to start with secrets shorter than 32 characters (the JWT key: 32 random bytes "
                        + "in base64): set LANGNGHE_SECRETS_" + name.toUpperCase().replace('-', '_') + "; ./langnghe secrets prints a fresh set.");
    }

    @Test
    void aSecretIssuedElsewhereIsOnlyCheckedForTheDemoValue() {
        Map<String, Object> properties = new HashMap<>(Map.of("langnghe.local-stack", "false", "langnghe.secrets.zalo-oa", "zalo-20-characters!!"));
        FreshSecrets.fresh().forEach((env, fresh) -> properties.put(property(env), fresh));

        try (ApplicationContext context = ApplicationContext.run(properties)) {
            assertThat(context.getBean(LangngheSecrets.class).get("zalo-oa")).isEqualTo("zalo-20-characters!!");
        }
    }

    @Test
    void aFreshSetIsRandomBytesInBase64EveryTime() {
        Map<String, String> one = FreshSecrets.fresh();
        Map<String, String> two = FreshSecrets.fresh();

        assertThat(one).containsOnlyKeys("LANGNGHE_SECRETS_JWT", "LANGNGHE_SECRETS_CONTACT_HASH",
                "LANGNGHE_SECRETS_SMS_WEBHOOK", "LANGNGHE_SECRETS_OPEN311", "LANGNGHE_SECRETS_COMMANDS");
        one.forEach((name, value) -> {
            assertThat(Base64.getDecoder().decode(value)).hasSize(32);
            assertThat(value).isNotEqualTo(two.get(name));
        });
    }

    @Test
    void freshLoginsForKafkaAndElasticsearchHoldNoCharacterTheirConfigurationsWouldRead() {
        Map<String, String> logins = FreshSecrets.freshLogins();

        assertThat(logins).containsKeys("LANGNGHE_SECRETS_KAFKA_ADMIN", "LANGNGHE_SECRETS_KAFKA_INGEST", "LANGNGHE_SECRETS_KAFKA_ROUTING",
                "LANGNGHE_SECRETS_KAFKA_SEARCH", "LANGNGHE_SECRETS_KAFKA_NOTIFICATION", "LANGNGHE_SECRETS_ELASTIC_SEARCH");
        // SCRAM's [password=...], a JAAS line's quotes and JSON all take these as they are
        logins.values().forEach(value -> assertThat(value).matches("[A-Za-z0-9_-]{43}"));
    }

    /** LANGNGHE_SECRETS_CONTACT_HASH → langnghe.secrets.contact-hash */
    private static String property(String environmentName) {
        return "langnghe.secrets." + environmentName.substring("LANGNGHE_SECRETS_".length()).toLowerCase().replace('_', '-');
    }
}
