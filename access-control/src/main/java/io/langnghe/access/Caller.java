package io.langnghe.access;

import io.micronaut.security.authentication.Authentication;

import java.util.Optional;

/** The person behind a request, as the services need it: name, role, department. */
public record Caller(String username, String role, String department) {

    public static Caller of(Authentication authentication) {
        String role = authentication.getRoles().stream().findFirst().orElse(null);
        Object department = authentication.getAttributes().get(Roles.DEPARTMENT_CLAIM);
        return new Caller(authentication.getName(), role, department == null ? null : department.toString());
    }

    public boolean is(String role) {
        return role.equals(this.role);
    }

    /** The department an officer is limited to; empty for roles that see every department. */
    public Optional<String> departmentScope() {
        return is(Roles.OFFICER) ? Optional.ofNullable(department) : Optional.empty();
    }

    /** Only the officers of the case's own department see the resident's contact (Decree 13/2023). */
    public boolean maySeeContactOf(String caseDepartment) {
        return is(Roles.OFFICER) && department != null && department.equals(caseDepartment);
    }
}
