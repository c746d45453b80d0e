package io.langnghe.notify.receipt;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * The proof a delivery receipt carries: HMAC-SHA256 of the message's idempotency key under the shared
 * secret {@code LANGNGHE_SECRETS_SMS_RECEIPT}. The gateway can only call back the URL we gave it, so the
 * proof rides in that URL; a token per key, not the secret itself, so a URL seen in the gateway's logs
 * vouches for one message only.
 */
public final class ReceiptToken {

    private ReceiptToken() {
    }

    public static String of(String secret, String idempotencyKey) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(idempotencyKey.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** False without a secret: receipts are then refused rather than trusted. */
    public static boolean matches(String secret, String idempotencyKey, String token) {
        if (secret == null || secret.isBlank() || idempotencyKey == null || token == null) {
            return false;
        }
        return MessageDigest.isEqual(of(secret, idempotencyKey).getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8));
    }
}
