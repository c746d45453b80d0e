package io.langnghe.access;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.security.token.jwt.signature.SignatureGeneratorConfiguration;
import io.micronaut.security.token.jwt.signature.secret.SecretSignature;
import io.micronaut.security.token.jwt.signature.secret.SecretSignatureConfiguration;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * One HMAC signing key, shared by the three services, so a token from search-service's /login is
 * accepted by all. {@code langnghe.secrets.jwt} is the key itself: at least 32 random bytes in
 * base64 ({@code ./langnghe secrets} makes them), never a passphrase, whose hash would be only as
 * hard to guess as the phrase. The local stack's demo value, which is not base64, is hashed to a
 * key instead: it only has to work on a developer's machine.
 */
@Factory
public class JwtSigning {

    // Typed as the interface on purpose: a factory method returning SecretSignature inherits its
    // @EachBean(SecretSignatureConfiguration), so without such configuration no key existed at all
    // and tokens went out unsigned ("alg":"none") and were accepted unsigned.
    @Singleton
    @Named("generator")
    public SignatureGeneratorConfiguration generatorSignature(LangngheSecrets secrets) {
        String secret = secrets.get("jwt");
        byte[] key = keyBytes(secret).filter(bytes -> bytes.length >= LangngheSecrets.MIN_LENGTH)
                .orElseGet(() -> {
                    if (!secrets.isLocalStack()) {
                        // LangngheSecrets refuses this already; kept so no path signs with a guessable key
                        throw new ConfigurationException("LANGNGHE_SECRETS_JWT must be at least 32 random bytes in base64");
                    }
                    return sha256(secret);
                });
        SecretSignatureConfiguration configuration = new SecretSignatureConfiguration("generator");
        configuration.setSecret(Base64.getEncoder().encodeToString(key));
        configuration.setBase64(true);
        return new SecretSignature(configuration);
    }

    /** The key a base64 secret holds, or empty when it is not base64 (standard or URL-safe). */
    static Optional<byte[]> keyBytes(String secret) {
        String compact = secret.strip();
        for (Base64.Decoder decoder : List.of(Base64.getDecoder(), Base64.getUrlDecoder())) {
            try {
                return Optional.of(decoder.decode(compact));
            } catch (IllegalArgumentException notThisAlphabet) {
                // try the other alphabet
            }
        }
        return Optional.empty();
    }

    private static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
