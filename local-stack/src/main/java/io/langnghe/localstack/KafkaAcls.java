package io.langnghe.localstack;

import io.langnghe.contracts.kafka.ServicePrincipal;
import io.langnghe.contracts.kafka.TopicAccess;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AclBinding;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Gives the pipeline's principals their logins and rights on a broker, through an admin client on
 * the operator's listener: SCRAM users with the passwords of the environment (set again at every
 * start, so a changed secret takes effect), and the ACLs of {@link TopicAccess} for a topic prefix.
 */
public final class KafkaAcls {

    private static final int SCRAM_ITERATIONS = 8192;

    private KafkaAcls() {
    }

    public static void createUsers(String operatorBootstrapServers, Map<String, String> environment) {
        List<UserScramCredentialUpsertion> users = Arrays.stream(ServicePrincipal.values())
                .map(principal -> new UserScramCredentialUpsertion(principal.user(),
                        new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, SCRAM_ITERATIONS), principal.password(environment)))
                .toList();
        try (Admin admin = admin(operatorBootstrapServers)) {
            admin.alterUserScramCredentials(List.copyOf(users)).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not set the Kafka users' passwords on " + operatorBootstrapServers, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while setting the Kafka users' passwords", e);
        }
    }

    /** The ACLs of every service for the topics under this prefix; granting again changes nothing. */
    public static List<AclBinding> grant(String operatorBootstrapServers, String topicsPrefix) {
        List<AclBinding> bindings = TopicAccess.of(topicsPrefix);
        try (Admin admin = admin(operatorBootstrapServers)) {
            admin.createAcls(bindings).all().get(30, TimeUnit.SECONDS);
            return bindings;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not create the ACLs on " + operatorBootstrapServers, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating the ACLs", e);
        }
    }

    private static Admin admin(String bootstrapServers) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }
}
