package io.langnghe.access;

import org.springframework.security.crypto.bcrypt.BCrypt;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Prints the bcrypt hash of a password for the accounts file ({@code ./langnghe hash-password}).
 * The password is read without echo from the terminal, or as one line from standard input, never
 * from the command line where other users could see it.
 */
public final class HashPassword {

    /** Cost 12: about a quarter of a second here, slow enough to hurt a guesser, fine for a login. */
    static final int COST = 12;

    private HashPassword() {
    }

    public static void main(String[] args) throws IOException {
        String password = read();
        if (password == null || password.length() < 12) {
            System.err.println("Mật khẩu cần ít nhất 12 ký tự / The password needs at least 12 characters.");
            System.exit(2);
        }
        System.out.println(hash(password));
    }

    static String hash(String password) {
        return BCrypt.hashpw(password, BCrypt.gensalt(COST));
    }

    private static String read() throws IOException {
        Console console = System.console();
        if (console != null) {
            char[] typed = console.readPassword("Mật khẩu / Password: ");
            return typed == null ? null : new String(typed);
        }
        return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    }
}
