package io.langnghe.contracts.kafka;

import io.langnghe.contracts.CaseCommand;
import org.apache.kafka.common.header.Headers;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a command's actor fits whoever wrote it, for routing-streams to check before it acts: the
 * early warning's {@code SYSTEM} actor only assesses or opens a letter's accepted request (routing-streams
 * writes those itself, and the ACLs let no other service but search-service write case commands), or,
 * signed, seals an old clear contact (the migration, run with search-service's secrets), and every person's command
 * (officer, leader, administrator, operator, resident) carries search-service's {@link CommandSignature},
 * since logins happen there. A command that does not fit goes to the dead letters with the reason.
 */
public final class CommandAuthority {

    static final String SYSTEM = "SYSTEM";
    // What routing-streams writes itself: the early warning's assessments, and the opening of each request a
    // letter's department accepted (search-service refuses both from any person)
    private static final Set<CaseCommand.Type> SYSTEM_COMMANDS = EnumSet.of(CaseCommand.Type.ASSESS, CaseCommand.Type.OPEN_REQUEST);

    private final CommandSignature signature;

    public CommandAuthority(CommandSignature signature) {
        this.signature = signature;
    }

    /**
     * Takes every command as its actor says: only for topology tests and simulations that play officers
     * without a search-service to sign for them; routing-streams itself always checks.
     */
    public static CommandAuthority unchecked() {
        return new CommandAuthority(null);
    }

    /** Why the command must not be applied, or empty when its actor fits its writer. */
    public Optional<String> refusal(CaseCommand command, Headers headers, byte[] value) {
        if (signature == null) {
            return Optional.empty();
        }
        String role = command.actor() == null ? null : command.actor().role();
        if (role == null || role.isBlank()) {
            return Optional.of("the command names no actor role");
        }
        if (role.equals(SYSTEM) && command.type() == CaseCommand.Type.SEAL_CONTACT) {
            return signature.verifies(headers, value) ? Optional.empty()
                    : Optional.of("seal_contact without search-service's signature (" + CommandSignature.HEADER + ")");
        }
        if (role.equals(SYSTEM)) {
            return SYSTEM_COMMANDS.contains(command.type())
                    ? Optional.empty()
                    : Optional.of("a SYSTEM actor may only assess, open a letter's request or, signed, seal a contact, not "
                            + command.type().code());
        }
        if (!signature.verifies(headers, value)) {
            return Optional.of("actor role " + role + " without search-service's signature (" + CommandSignature.HEADER
                    + "): a person's command must come through search-service, where people log in");
        }
        return Optional.empty();
    }
}
