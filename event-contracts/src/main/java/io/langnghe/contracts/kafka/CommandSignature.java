package io.langnghe.contracts.kafka;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;

/**
 * search-service's signature on the commands people give (officers, leaders, residents through their
 * tracking code): an HMAC-SHA256 of the record's value bytes, in the {@value #HEADER} header, keyed
 * by a secret only search-service and routing-streams hold ({@code LANGNGHE_SECRETS_COMMANDS}).
 * <p>
 * Why a signature and not the writer's name in a header: a header names whoever wrote it, so it is
 * only as good as the ACLs of case.commands, and those are gone the day a broker runs without them
 * or an operator's tool writes the topic. A signature holds wherever the record travelled: a command
 * claiming {@code actor.role=LEADER} that search-service did not sign goes to the dead letters.
 */
public final class CommandSignature {

    public static final String HEADER = "langnghe-signature";
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    public CommandSignature(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("the commands' signing secret is empty (LANGNGHE_SECRETS_COMMANDS)");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    public byte[] sign(byte[] value) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(value);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** Whether the record's last signature header is this key's signature of its value. */
    public boolean verifies(Headers headers, byte[] value) {
        Header signature = headers == null ? null : headers.lastHeader(HEADER);
        return signature != null && value != null && MessageDigest.isEqual(signature.value(), sign(value));
    }

    /** A value serializer that signs what it writes: the producer's records carry the header. */
    public <V> Serializer<V> signing(Serializer<V> values) {
        return new Serializer<>() {
            @Override
            public byte[] serialize(String topic, V data) {
                throw new IllegalStateException("a signed record needs its headers");
            }

            @Override
            public byte[] serialize(String topic, Headers headers, V data) {
                byte[] bytes = values.serialize(topic, headers, data);
                headers.remove(HEADER);
                headers.add(HEADER, sign(bytes));
                return bytes;
            }
        };
    }
}
