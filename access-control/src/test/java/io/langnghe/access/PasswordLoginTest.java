package io.langnghe.access;

import io.micronaut.context.ApplicationContext;
import io.micronaut.security.authentication.AuthenticationRequest;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.UsernamePasswordCredentials;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordLoginTest {

    static ApplicationContext context;
    static PasswordLogin<Object> login;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void start() {
        context = ApplicationContext.run(Map.of("langnghe.local-stack", "true", "langnghe.secrets.jwt", "langnghe-demo"));
        login = context.getBean(PasswordLogin.class);
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @Test
    void logsAnOfficerInWithTheDepartment() {
        AuthenticationResponse response = login.authenticate(null, credentials("canbo.kinh_te_ha_tang_do_thi", "langnghe-demo"));

        assertThat(response.isAuthenticated()).isTrue();
        assertThat(response.getAuthentication()).hasValueSatisfying(auth -> {
            assertThat(auth.getRoles()).containsExactly(Roles.OFFICER);
            assertThat(auth.getAttributes()).containsEntry(Roles.DEPARTMENT_CLAIM, "kinh_te_ha_tang_do_thi");
        });
    }

    @Test
    void logsTheLeaderInWithoutDepartment() {
        AuthenticationResponse response = login.authenticate(null, credentials("lanhdao", "langnghe-demo"));

        assertThat(response.getAuthentication()).hasValueSatisfying(auth -> {
            assertThat(auth.getRoles()).containsExactly(Roles.LEADER);
            assertThat(auth.getAttributes()).doesNotContainKey(Roles.DEPARTMENT_CLAIM);
        });
    }

    @Test
    void refusesAWrongPasswordAndAnUnknownUserAlike() {
        assertThat(login.authenticate(null, credentials("lanhdao", "wrong")).isAuthenticated()).isFalse();
        assertThat(login.authenticate(null, credentials("nobody", "langnghe-demo")).isAuthenticated()).isFalse();
    }

    @Test
    void keepsOnlyBcryptHashes() {
        assertThat(context.getBean(AccountDirectory.class).all())
                .isNotEmpty()
                .allSatisfy(a -> assertThat(a.passwordHash()).startsWith("$2").doesNotContain("langnghe-demo"));
    }

    private static AuthenticationRequest<String, String> credentials(String user, String password) {
        return new UsernamePasswordCredentials(user, password);
    }
}
