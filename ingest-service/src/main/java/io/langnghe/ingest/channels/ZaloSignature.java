package io.langnghe.ingest.channels;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Zalo's webhook signature: {@code X-ZEvent-Signature: mac=<hex SHA-256 of app_id + raw body +
 * timestamp + OA secret key>}, app_id and timestamp being the values inside the body.
 */
public final class ZaloSignature {

    public static final String HEADER = "X-ZEvent-Signature";

    private ZaloSignature() {
    }

    public static String of(String appId, byte[] rawBody, String timestamp, String secret) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(appId.getBytes(StandardCharsets.UTF_8));
            sha256.update(rawBody);
            sha256.update(timestamp.getBytes(StandardCharsets.UTF_8));
            sha256.update(secret.getBytes(StandardCharsets.UTF_8));
            return "mac=" + HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    /** Compares in constant time; hex case is not significant. */
    public static boolean matches(String header, String appId, byte[] rawBody, String timestamp, String secret) {
        return header != null && Webhooks.sameSecret(header.strip().toLowerCase(Locale.ROOT), of(appId, rawBody, timestamp, secret));
    }
}
