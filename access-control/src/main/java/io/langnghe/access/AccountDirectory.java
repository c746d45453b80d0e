package io.langnghe.access;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.langnghe.contracts.taxonomy.DepartmentInfo;
import io.langnghe.contracts.taxonomy.Taxonomy;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.bcrypt.BCrypt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The accounts that may log in. In production they come from a mounted YAML file
 * ({@code LANGNGHE_ACCOUNTS_FILE}: a list of username, passwordHash (bcrypt), role, department).
 * In the local stack the demo accounts are made at start-up, all with the demo password:
 * {@code lanhdao}, {@code canbo.<department>}, {@code tongdai}, {@code totruong.tdp-01},
 * {@code daibieu}, {@code quantri}.
 */
@Singleton
public class AccountDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(AccountDirectory.class);

    private final Map<String, Account> accounts = new LinkedHashMap<>();

    public AccountDirectory(LangngheSecrets secrets,
                            @Value("${langnghe.accounts-file:}") String accountsFile,
                            @Value("${langnghe.demo-password:langnghe-demo}") String demoPassword) {
        if (!accountsFile.isBlank()) {
            readFile(Path.of(accountsFile)).forEach(this::add);
        } else if (secrets.isLocalStack()) {
            demoAccounts(demoPassword).forEach(this::add);
        } else {
            LOG.warn("No accounts configured: set LANGNGHE_ACCOUNTS_FILE; nobody can log in");
        }
    }

    public Optional<Account> find(String username) {
        return Optional.ofNullable(accounts.get(username));
    }

    public List<Account> all() {
        return List.copyOf(accounts.values());
    }

    /** The demo accounts of the local stack, one officer per department of the taxonomy. */
    public static List<Account> demoAccounts(String password) {
        // Cost 6 keeps start-up fast for the many demo accounts; production hashes come from the file.
        String hash = BCrypt.hashpw(password, BCrypt.gensalt(6));
        List<Account> demo = new ArrayList<>();
        demo.add(new Account("lanhdao", hash, Roles.LEADER, null));
        for (DepartmentInfo department : Taxonomy.loadDefault().departments()) {
            demo.add(new Account("canbo." + department.code(), hash, Roles.OFFICER, department.code()));
        }
        demo.add(new Account("tongdai", hash, Roles.OPERATOR, null));
        demo.add(new Account("totruong.tdp-01", hash, Roles.GROUP_LEADER, null));
        demo.add(new Account("daibieu", hash, Roles.DEPUTY, null));
        demo.add(new Account("quantri", hash, Roles.ADMIN, null));
        return demo;
    }

    private void add(Account account) {
        if (account.username() == null || account.passwordHash() == null || account.role() == null) {
            throw new ConfigurationException("An account needs username, passwordHash and role: " + account);
        }
        if (Roles.OFFICER.equals(account.role()) && account.department() == null) {
            throw new ConfigurationException("Officer " + account.username() + " has no department");
        }
        accounts.put(account.username(), account);
    }

    private static List<Account> readFile(Path file) {
        try {
            AccountsFile parsed = new ObjectMapper(new YAMLFactory()).readValue(Files.readAllBytes(file), AccountsFile.class);
            return parsed.accounts() == null ? List.of() : parsed.accounts();
        } catch (IOException e) {
            throw new ConfigurationException("Cannot read accounts file " + file + ": " + e.getMessage());
        }
    }

    record AccountsFile(List<Account> accounts) {
    }
}
