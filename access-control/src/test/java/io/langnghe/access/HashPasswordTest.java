package io.langnghe.access;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCrypt;

import static org.assertj.core.api.Assertions.assertThat;

class HashPasswordTest {

    @Test
    void writesABcryptHashThatTheLoginAccepts() {
        String hash = HashPassword.hash("mot-mat-khau-dai");

        assertThat(hash).startsWith("$2a$12$").doesNotContain("mot-mat-khau-dai");
        assertThat(BCrypt.checkpw("mot-mat-khau-dai", hash)).isTrue();
        assertThat(BCrypt.checkpw("mot-mat-khau-khac", hash)).isFalse();
    }
}
