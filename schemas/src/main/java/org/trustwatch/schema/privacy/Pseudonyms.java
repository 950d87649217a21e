package org.trustwatch.schema.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Pupils' pseudonyms: {@code pupil-} and 16 hex digits of HMAC-SHA256 of the account under the trust's key. Stable
 * per pupil, so an alert and an export name the same pupil alike, and not reversible without the key. Everything that
 * pseudonymises (alerts, exports) uses this one class, so the same key gives the same pseudonym everywhere.
 */
public final class Pseudonyms {

    private final SecretKeySpec key;

    /** @throws IllegalArgumentException when the key is shorter than 16 bytes */
    public Pseudonyms(byte[] key) {
        if (key == null || key.length < 16) {
            throw new IllegalArgumentException("the pseudonym key must be at least 16 bytes");
        }
        this.key = new SecretKeySpec(key, "HmacSHA256");
    }

    public String of(String account) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal(account.getBytes(StandardCharsets.UTF_8));
            return "pupil-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has HmacSHA256", e);
        }
    }
}
