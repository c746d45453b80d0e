package io.langnghe.access;

/**
 * One person who may log in. The password is kept only as a bcrypt hash.
 *
 * @param department the department code, for officers; null otherwise
 */
public record Account(String username, String passwordHash, String role, String department) {
    @Override
    public String toString() {
        return "Account[" + username + ", " + role + (department == null ? "" : ", " + department) + "]";
    }
}
