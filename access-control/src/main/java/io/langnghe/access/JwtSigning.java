package io.langnghe.access;

import io.micronaut.context.annotation.Factory;
import io.micronaut.security.token.jwt.signature.SignatureGeneratorConfiguration;
import io.micronaut.security.token.jwt.signature.secret.SecretSignature;
import io.micronaut.security.token.jwt.signature.secret.SecretSignatureConfiguration;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One HMAC signing key, shared by the three services, so a token from search-service's /login is
 * accepted by all. The key is the SHA-256 of {@code langnghe.secrets.jwt}: HS256 needs 256 bits and
 * an operator's passphrase may be shorter.
 */
@Factory
public class JwtSigning {

    // Typed as the interface on purpose: a factory method returning SecretSignature inherits its
    // @EachBean(SecretSignatureConfiguration), so without such configuration no key existed at all
    // and tokens went out unsigned ("alg":"none") and were accepted unsigned.
    @Singleton
    @Named("generator")
    public SignatureGeneratorConfiguration generatorSignature(LangngheSecrets secrets) {
        SecretSignatureConfiguration configuration = new SecretSignatureConfiguration("generator");
        configuration.setSecret(sha256Hex(secrets.get("jwt")));
        return new SecretSignature(configuration);
    }

    private static String sha256Hex(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
