package io.portcullis.app.admin.account;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Password hashing for admin API users, the same scheme as the FIX logon credentials (fix-engine's package-private
 * {@code PasswordHasher}, which this repeats rather than widen that package's API): PBKDF2-HMAC-SHA256, 600,000
 * iterations, 16-byte random salt, 32-byte key, stored as {@code $pbkdf2-sha256$i=600000$<salt>$<hash>} (Base64
 * without padding).
 *
 * <p>Thread-safe. Each hash or verification costs hundreds of milliseconds of CPU: logins and user creation only.
 */
final class PasswordHasher {
    static final int ITERATIONS = 600_000;
    private static final String PREFIX = "$pbkdf2-sha256$i=";
    private static final int SALT_BYTES = 16;
    private static final int KEY_BITS = 256;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getDecoder();

    private PasswordHasher() {
    }

    /** A new PHC string for {@code password}, with a fresh random salt. */
    static String hash(final char[] password) {
        final byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        final byte[] key = derive(password, salt, ITERATIONS);
        return PREFIX + ITERATIONS + "$" + ENCODER.encodeToString(salt) + "$" + ENCODER.encodeToString(key);
    }

    /**
     * Whether {@code password} matches {@code phc} (constant-time comparison). A null, malformed or weaker
     * {@code phc} never matches and still costs one derivation, so the timing does not tell unknown users apart.
     */
    static boolean verify(final char[] password, final String phc) {
        final String[] parts = phc == null || !phc.startsWith(PREFIX) ? new String[0]
            : phc.substring(PREFIX.length()).split("\\$");
        if (parts.length == 3) {
            try {
                final int iterations = Integer.parseInt(parts[0]);
                final byte[] salt = DECODER.decode(parts[1]);
                final byte[] key = DECODER.decode(parts[2]);
                if (iterations >= ITERATIONS && iterations <= 100_000_000 && salt.length >= SALT_BYTES
                    && key.length == KEY_BITS / 8) {
                    return MessageDigest.isEqual(derive(password, salt, iterations), key);
                }
            } catch (final IllegalArgumentException ex) {
                // malformed: falls through to the dummy derivation
            }
        }
        derive(password, new byte[SALT_BYTES], ITERATIONS);
        return false;
    }

    private static byte[] derive(final char[] password, final byte[] salt, final int iterations) {
        final PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, KEY_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (final GeneralSecurityException ex) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available in this JDK", ex);
        } finally {
            spec.clearPassword();
        }
    }
}
