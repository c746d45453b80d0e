package io.langnghe.access;

import io.micronaut.context.ApplicationContext;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.jwt.generator.JwtTokenGenerator;
import io.micronaut.security.token.jwt.signature.SignatureConfiguration;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Tokens are signed with the ward's key: an unsigned ("alg":"none") token must never be issued. */
class JwtSigningTest {

    @Test
    void tokensAreSignedWithHs256() {
        try (ApplicationContext context = ApplicationContext.run(Map.of("langnghe.local-stack", "true", "langnghe.secrets.jwt", "langnghe-demo"))) {
            assertThat(context.getBeansOfType(SignatureConfiguration.class)).hasSize(1);

            String token = context.getBean(JwtTokenGenerator.class)
                    .generateToken(Authentication.build("lanhdao", List.of(Roles.LEADER)), 60)
                    .orElseThrow();

            String header = new String(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))), StandardCharsets.UTF_8);
            assertThat(header).contains("\"alg\":\"HS256\"");
            assertThat(token.substring(token.lastIndexOf('.') + 1)).isNotEmpty();
        }
    }
}
