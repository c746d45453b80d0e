package io.langnghe.access;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.exceptions.BeanInstantiationException;
import org.junit.jupiter.api.Test;

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
    void startsWithARealSecretAnywhere() {
        try (ApplicationContext context = ApplicationContext.run(Map.of(
                "langnghe.local-stack", "false",
                "langnghe.secrets.jwt", "a-real-secret-from-the-vault"))) {
            assertThat(context.getBean(LangngheSecrets.class).isLocalStack()).isFalse();
        }
    }
}
