package io.portcullis.fix.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import quickfix.ConfigError;
import quickfix.SessionID;
import quickfix.SessionSettings;

/** The pure parts of the session layer: hashing, masking, allowlists, the rate limiter, .cfg substitution. */
@Timeout(60)
class SessionLayerUnitTest {
    @Test
    void aPasswordHashIsAPhcStringWith600000IterationsAndARandomSaltAndVerifiesOnlyTheRightPassword() {
        final String first = PasswordHasher.hash("correct-horse".toCharArray());
        final String second = PasswordHasher.hash("correct-horse".toCharArray());
        assertThat(first).startsWith("$pbkdf2-sha256$i=600000$").isNotEqualTo(second);
        assertThat(PasswordHasher.verify("correct-horse".toCharArray(), first)).isTrue();
        assertThat(PasswordHasher.verify("correct-horsf".toCharArray(), first)).isFalse();
        assertThat(PasswordHasher.verify("correct-horse".toCharArray(), "$pbkdf2-sha256$i=1$AAAA$AAAA")).isFalse();
    }

    @Test
    void passwordsAreMaskedInSohAndBarDelimitedText() {
        assertThat(MaskingLogFactory.mask("8=FIX.4.4\u000135=A\u0001553=u\u0001554=s3cret|x\u000110=1\u0001"))
            .isEqualTo("8=FIX.4.4\u000135=A\u0001553=u\u0001554=****\u000110=1\u0001");
        assertThat(MaskingLogFactory.mask("8=FIX.4.4|554=s3cret|925=n3w|10=1|"))
            .isEqualTo("8=FIX.4.4|554=****|925=****|10=1|");
        assertThat(MaskingLogFactory.mask("8=FIX.4.4|35=D|15540=1|")).isEqualTo("8=FIX.4.4|35=D|15540=1|");
    }

    @Test
    void anAllowlistTakesAddressesAndCidrBlocks() {
        final AddressAllowlist list = AddressAllowlist.parse("10.9.9.9, 192.168.0.0/16, ::1");
        assertThat(list.allows("10.9.9.9")).isTrue();
        assertThat(list.allows("192.168.44.1")).isTrue();
        assertThat(list.allows("192.169.0.1")).isFalse();
        assertThat(list.allows("0:0:0:0:0:0:0:1")).isTrue();
        assertThat(list.allows(null)).isFalse();
        assertThat(AddressAllowlist.parse(null).allows(null)).isTrue();
        assertThat(AddressAllowlist.hostOf("/127.0.0.1:5123")).isEqualTo("127.0.0.1");
        assertThat(AddressAllowlist.hostOf("/[0:0:0:0:0:0:0:1]:5123")).isEqualTo("0:0:0:0:0:0:0:1");
        assertThatThrownBy(() -> AddressAllowlist.parse("example.com")).hasMessageContaining("example.com");
    }

    @Test
    void theRateLimiterLetsTheLimitThroughInABurstAndRefillsOverASecond() {
        final MessageRateLimiter limiter = new MessageRateLimiter(5, 0);
        int passed = 0;
        for (int i = 0; i < 20; i++) {
            passed += limiter.tryAcquire(0) ? 1 : 0;
        }
        assertThat(passed).isEqualTo(5);
        assertThat(limiter.tryAcquire(200_000_000L)).isTrue();
        assertThat(limiter.tryAcquire(200_000_000L)).isFalse();
    }

    @Test
    void theAddressThrottleBlocksAfterTheLimitWithinTheWindow() {
        final AddressFailureThrottle throttle = new AddressFailureThrottle(3, 60_000);
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.blocked("10.0.0.1", 1_000)).isFalse();
            throttle.recordFailure("10.0.0.1", 1_000);
        }
        assertThat(throttle.blocked("10.0.0.1", 2_000)).isTrue();
        assertThat(throttle.blocked("10.0.0.2", 2_000)).isFalse();
        assertThat(throttle.blocked("10.0.0.1", 61_001)).isFalse();
    }

    @Test
    void aCfgFileTakesVariablesFromTheEnvironmentThenSystemProperties(@TempDir final Path dir) throws Exception {
        final Path cfg = dir.resolve("gateway.cfg");
        Files.writeString(cfg, "[DEFAULT]\nConnectionType=acceptor\nSenderCompID=${US}\n# ${NOT_SUBSTITUTED}\n"
            + "[SESSION]\nBeginString=FIX.4.4\nTargetCompID=BROKER1\nSocketAcceptPort=${PORT}\n");
        final Properties system = new Properties();
        system.setProperty("PORT", "1111");
        system.setProperty("US", "IGNORED");
        final SessionSettings settings = SessionConfigFile.load(cfg, Map.of("US", "PORTCULLIS"), system);
        final SessionID id = new SessionID("FIX.4.4", "PORTCULLIS", "BROKER1");
        assertThat(settings.getString(id, "SocketAcceptPort")).isEqualTo("1111");
    }

    @Test
    void anUnresolvedVariableStopsStartUpNamingIt(@TempDir final Path dir) throws Exception {
        final Path cfg = dir.resolve("gateway.cfg");
        Files.writeString(cfg, "[DEFAULT]\nConnectionType=acceptor\nSocketKeyStorePassword=${FIX_KEYSTORE_PASSWORD}\n");
        assertThatThrownBy(() -> SessionConfigFile.load(cfg, Map.of(), new Properties()))
            .isInstanceOf(ConfigError.class).hasMessageContaining("${FIX_KEYSTORE_PASSWORD}")
            .hasMessageContaining("line 3");
    }

    @Test
    void theDemoCfgDefinesTheThreeAcceptorPortsWithPortcullisProfiles() throws Exception {
        final Path cfg = Path.of(getClass().getResource("/session-gateway-demo.cfg").toURI());
        final SessionSettings settings = SessionConfigFile.load(cfg, Map.of(), new Properties());
        final SessionID fix44 = new SessionID("FIX.4.4", "PORTCULLIS", "DEMO44");
        assertThat(settings.getString(fix44, "SocketAcceptPort")).isEqualTo("9878");
        assertThat(SessionKeys.fromSettings(settings, fix44).profile().firmId()).isEqualTo("DEMOFIRM");
        assertThat(settings.getString(new SessionID("FIX.4.2", "PORTCULLIS", "*"), "SocketAcceptPort"))
            .isEqualTo("9877");
        assertThat(settings.getString(new SessionID("FIXT.1.1", "PORTCULLIS", "*"), "SocketAcceptPort"))
            .isEqualTo("9879");
        assertThat(GatewayOptions.from(settings).logonTimeout().toSeconds()).isEqualTo(10);
    }
}
