package io.portcullis.fix.session;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Password hashing for FIX logon credentials and admin API users: PBKDF2-HMAC-SHA256 (the strongest password hash the JDK ships), 600,000
 * iterations (OWASP's 2023 figure for this PRF), a 16-byte random salt per password, a 32-byte derived key, stored as a
 * PHC-style string {@code $pbkdf2-sha256$i=600000$<salt>$<hash>} (standard Base64 without padding).
 *
 * <p>Thread-safe. Hashing and verifying each cost about as much CPU as the iteration count says (hundreds of
 * milliseconds): call it at logon and from admin tools, never on the order path.
 */
public final class PasswordHasher {
    /** Iterations used for every new hash. */
    static final int ITERATIONS = 600_000;
    /** Stored hashes with fewer iterations than this are refused outright (not a hash this code wrote). */
    static final int MIN_ITERATIONS = 600_000;
    private static final String PREFIX = "$pbkdf2-sha256$i=";
    private static final int SALT_BYTES = 16;
    private static final int KEY_BITS = 256;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getDecoder();

    private PasswordHasher() {
    }

    /** A new PHC string for {@code password}, with a fresh random salt. */
    public static String hash(final char[] password) {
        final byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        final byte[] key = derive(password, salt, ITERATIONS);
        return PREFIX + ITERATIONS + "$" + ENCODER.encodeToString(salt) + "$" + ENCODER.encodeToString(key);
    }

    /**
     * Whether {@code password} matches {@code phc}. Constant-time in the comparison of the derived keys. A malformed
     * or unsupported {@code phc} never matches (and still costs one derivation, so timing does not tell).
     */
    public static boolean verify(final char[] password, final String phc) {
        final Parsed parsed = parse(phc);
        if (parsed == null) {
            derive(password, new byte[SALT_BYTES], ITERATIONS);
            return false;
        }
        final byte[] candidate = derive(password, parsed.salt, parsed.iterations);
        return MessageDigest.isEqual(candidate, parsed.key);
    }

    /** A hash of a random password: verifying against it costs what a real verification costs (unknown users). */
    static String dummy() {
        return DummyHolder.DUMMY;
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

    private static Parsed parse(final String phc) {
        if (phc == null || !phc.startsWith(PREFIX)) {
            return null;
        }
        final String[] parts = phc.substring(PREFIX.length()).split("\\$");
        if (parts.length != 3) {
            return null;
        }
        try {
            final int iterations = Integer.parseInt(parts[0]);
            final byte[] salt = DECODER.decode(parts[1]);
            final byte[] key = DECODER.decode(parts[2]);
            if (iterations < MIN_ITERATIONS || iterations > 100_000_000 || salt.length < SALT_BYTES
                || key.length != KEY_BITS / 8) {
                return null;
            }
            return new Parsed(iterations, salt, key);
        } catch (final IllegalArgumentException ex) {
            return null;
        }
    }

    private record Parsed(int iterations, byte[] salt, byte[] key) {
        @Override
        public boolean equals(final Object other) {
            return other instanceof Parsed p && p.iterations == iterations && Arrays.equals(p.salt, salt)
                && Arrays.equals(p.key, key);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(salt) + Arrays.hashCode(key);
        }

        @Override
        public String toString() {
            return "Parsed[iterations=" + iterations + "]";
        }
    }

    private static final class DummyHolder {
        private static final String DUMMY;

        static {
            final byte[] random = new byte[24];
            RANDOM.nextBytes(random);
            DUMMY = hash(ENCODER.encodeToString(random).toCharArray());
        }

        private DummyHolder() {
        }
    }
}
