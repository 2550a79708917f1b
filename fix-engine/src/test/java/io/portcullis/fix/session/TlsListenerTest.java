package io.portcullis.fix.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.portcullis.fix.field.EncryptMethod;
import io.portcullis.fix.field.HeartBtInt;
import io.portcullis.fix.field.Password;
import io.portcullis.fix.field.Username;
import io.portcullis.fix.messages.fix44.Logon;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import quickfix.ConfigError;
import quickfix.SessionID;
import quickfix.SessionSettings;

/**
 * The TLS listener option as {@code fix-engine/README.md} documents it, end to end over loopback: a throwaway
 * self-signed certificate made at test time by running the README's own {@code keytool} commands (the JDK's, from
 * {@code java.home}), a gateway port with {@code SocketUseSSL=Y} and that key store, and real QuickFIX/J initiators.
 * Proves that a client trusting the certificate (host name checked) logs on over TLS; that a client trusting another
 * certificate, a plain QuickFIX/J client and a cleartext Logon on a raw socket get no FIX session on that port; and
 * that a TLS port without a usable key store of its own refuses to start instead of serving QuickFIX/J's bundled demo
 * key or an empty one.
 */
@Timeout(180)
class TlsListenerTest {
    private static final String STORE_PASSWORD = "changeit-test";
    private static final String BROKER = "TLSBROKER";
    private static final String USER = "tlsbroker";
    private static final String PASSWORD = "tls-broker-password";

    @TempDir
    static Path dir;

    private static Path trustStore;
    private static Path strangerTrustStore;
    private static SessionTestGateway gateway;

    @BeforeAll
    static void start() throws Exception {
        final Path ours = Files.createDirectories(dir.resolve("gateway"));
        final Path stranger = Files.createDirectories(dir.resolve("stranger"));
        makeTestCertificate(ours);
        makeTestCertificate(stranger);
        trustStore = ours.resolve("fix-client-trust.p12");
        strangerTrustStore = stranger.resolve("fix-client-trust.p12");
        gateway = SessionTestGateway.start(TlsListenerTest.class, tlsAcceptor(ours.resolve("fix-acceptor.p12")));
        gateway.addSession(BROKER, null, null);
        gateway.addCredential(USER, BROKER, PASSWORD);
        gateway.gateway.refreshFromDatabase();
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    void aClientThatTrustsTheTestCertificateLogsOnOverTls() throws Exception {
        try (TestInitiator broker = new TestInitiator(BROKER, gateway.port, USER, PASSWORD, tlsClient(trustStore))) {
            await().atMost(Duration.ofSeconds(20)).until(() -> broker.loggedOn);
            assertThat(gateway.gateway.admin().status(gateway.sessionOf(BROKER).toString()).loggedOn()).isTrue();
            assertThat(broker.incomingRaw).anyMatch(m -> m.contains("\u000135=A\u0001"));
        }
    }

    @Test
    void aClientThatTrustsAnotherCertificateGetsNoSession() throws Exception {
        final int accepted = gateway.audit.accepted.size();
        try (TestInitiator broker = new TestInitiator(BROKER, gateway.port, USER, PASSWORD,
            tlsClient(strangerTrustStore))) {
            await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(6)).until(() -> !broker.loggedOn);
            assertThat(broker.incomingRaw).isEmpty();
        }
        assertThat(gateway.audit.accepted).hasSize(accepted);
    }

    @Test
    void aPlainTcpClientCannotLogOnToTheTlsPort() throws Exception {
        final int accepted = gateway.audit.accepted.size();
        try (TestInitiator plain = new TestInitiator(BROKER, gateway.port, USER, PASSWORD)) {
            await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(6)).until(() -> !plain.loggedOn);
            assertThat(plain.incomingRaw).isEmpty();
        }
        try (Socket socket = new Socket("127.0.0.1", gateway.port)) {
            socket.getOutputStream().write(cleartextLogon().getBytes(StandardCharsets.ISO_8859_1));
            final Answer answer = readUntilClosed(socket, Duration.ofSeconds(8));
            assertThat(answer.closed()).as("the gateway closes the connection").isTrue();
            assertThat(answer.text()).as("no FIX in the clear").doesNotContain("8=FIX");
        }
        assertThat(gateway.audit.accepted).hasSize(accepted);
    }

    @Test
    void aTlsPortWithoutAUsableKeyStoreOfItsOwnDoesNotStartButOneWithTheTestCertificateDoes() throws Exception {
        final Map<String, String> settings = new HashMap<>(tlsAcceptor(dir.resolve("nowhere.p12")));
        assertThatThrownBy(() -> startAnother(settings)).isInstanceOf(ConfigError.class)
            .hasMessageContaining("SocketKeyStore must name a readable file").hasMessageContaining("nowhere.p12");
        settings.remove("SocketKeyStore");
        assertThatThrownBy(() -> startAnother(settings)).isInstanceOf(ConfigError.class)
            .hasMessageContaining("SocketUseSSL=Y needs SocketKeyStore");
        settings.putAll(tlsAcceptor(dir.resolve("gateway").resolve("fix-acceptor.p12")));
        settings.put("SocketKeyStorePassword", "not-the-store-password");
        assertThatThrownBy(() -> startAnother(settings)).isInstanceOf(ConfigError.class)
            .hasMessageContaining("does not open").hasMessageContaining("SocketKeyStorePassword")
            .message().doesNotContain("not-the-store-password");
        settings.put("SocketKeyStore", dir.resolve("gateway").resolve("fix-client-trust.p12").toString());
        settings.put("SocketKeyStorePassword", STORE_PASSWORD);
        assertThatThrownBy(() -> startAnother(settings)).isInstanceOf(ConfigError.class)
            .hasMessageContaining("holds no private key");
        settings.putAll(tlsAcceptor(dir.resolve("gateway").resolve("fix-acceptor.p12")));
        settings.put("NeedClientAuth", "Y");
        assertThatThrownBy(() -> startAnother(settings)).isInstanceOf(ConfigError.class)
            .hasMessageContaining("NeedClientAuth=Y needs SocketTrustStore");
        settings.remove("NeedClientAuth");
        startAnother(settings);
    }

    // ---- the certificate, as fix-engine/README.md makes it -------------------------------------------------------

    /** Runs the README's three keytool commands in {@code where}: fix-acceptor.p12, .pem, fix-client-trust.p12. */
    private static void makeTestCertificate(final Path where) throws IOException, InterruptedException {
        keytool(where, null, "-genkeypair", "-alias", "portcullis-fix", "-keyalg", "EC", "-groupname", "secp256r1",
            "-validity", "365", "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
            "-storetype", "PKCS12", "-keystore", "fix-acceptor.p12", "-storepass", STORE_PASSWORD);
        keytool(where, where.resolve("fix-acceptor.pem"), "-exportcert", "-alias", "portcullis-fix", "-rfc",
            "-keystore", "fix-acceptor.p12", "-storepass", STORE_PASSWORD);
        keytool(where, null, "-importcert", "-alias", "portcullis-fix", "-noprompt", "-file", "fix-acceptor.pem",
            "-storetype", "PKCS12", "-keystore", "fix-client-trust.p12", "-storepass", STORE_PASSWORD);
    }

    private static void keytool(final Path where, final Path stdout, final String... arguments)
        throws IOException, InterruptedException {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        final Path log = Files.createTempFile(where, "keytool", ".log");
        final ProcessBuilder builder = new ProcessBuilder(command).directory(where.toFile())
            .redirectError(log.toFile());
        builder.redirectOutput(stdout != null ? stdout.toFile() : log.toFile());
        final Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("keytool %s finished", arguments[0]).isTrue();
        assertThat(process.exitValue()).as("keytool %s: %s", arguments[0], Files.readString(log)).isZero();
    }

    // ---- settings ---------------------------------------------------------------------------------------------

    /** The acceptor settings of the README's TLS section. */
    private static Map<String, String> tlsAcceptor(final Path keyStore) {
        return Map.of("SocketUseSSL", "Y", "SocketKeyStore", keyStore.toString(),
            "SocketKeyStorePassword", STORE_PASSWORD, "KeyStoreType", "PKCS12", "EnabledProtocols", "TLSv1.3,TLSv1.2");
    }

    /** The initiator settings of the README's TLS section: trust only {@code trust}, and check the host name. */
    private static Map<String, String> tlsClient(final Path trust) {
        return Map.of("SocketUseSSL", "Y", "SocketTrustStore", trust.toString(),
            "SocketTrustStorePassword", STORE_PASSWORD, "TrustStoreType", "PKCS12",
            "EnabledProtocols", "TLSv1.3,TLSv1.2", "EndpointIdentificationAlgorithm", "HTTPS");
    }

    private static void startAnother(final Map<String, String> tls) throws ConfigError {
        final SessionSettings settings = new SessionSettings();
        settings.setString("ConnectionType", "acceptor");
        settings.setString("SenderCompID", SessionTestGateway.US);
        settings.setString("NonStopSession", "Y");
        settings.setString("SocketAcceptAddress", "127.0.0.1");
        settings.setString("PortcullisSessionRefreshSeconds", "0");
        tls.forEach(settings::setString);
        final SessionID template = new SessionID("FIX.4.4", SessionTestGateway.US, "*");
        settings.setString(template, "AcceptorTemplate", "Y");
        settings.setString(template, "SocketAcceptPort", Integer.toString(SessionTestGateway.freePort()));
        final GatewaySessions sessions = new GatewaySessions(settings, gateway.database.dataSource(),
            gateway.database.dsl(), gateway.events, gateway.audit, Clock.systemUTC());
        try {
            sessions.start();
        } finally {
            sessions.stop();
        }
    }

    // ---- a cleartext client -------------------------------------------------------------------------------------

    private static String cleartextLogon() {
        final Logon logon = new Logon(new EncryptMethod(EncryptMethod.NONE_OTHER), new HeartBtInt(30));
        logon.getHeader().setString(49, BROKER);
        logon.getHeader().setString(56, SessionTestGateway.US);
        logon.getHeader().setInt(34, 1);
        logon.getHeader().setUtcTimeStamp(52, LocalDateTime.now(ZoneOffset.UTC));
        logon.set(new Username(USER));
        logon.set(new Password(PASSWORD));
        return logon.toString();
    }

    /** What a raw socket received, and whether the peer closed the connection within the time allowed. */
    private record Answer(String text, boolean closed) {
    }

    private static Answer readUntilClosed(final Socket socket, final Duration within) throws IOException {
        final ByteArrayOutputStream received = new ByteArrayOutputStream();
        final long deadline = System.nanoTime() + within.toNanos();
        final InputStream in = socket.getInputStream();
        final byte[] buffer = new byte[4096];
        while (System.nanoTime() < deadline) {
            socket.setSoTimeout((int) Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            try {
                final int n = in.read(buffer);
                if (n < 0) {
                    return new Answer(received.toString(StandardCharsets.ISO_8859_1), true);
                }
                received.write(buffer, 0, n);
            } catch (final SocketTimeoutException stillOpen) {
                break;
            } catch (final SocketException reset) {
                return new Answer(received.toString(StandardCharsets.ISO_8859_1), true);
            }
        }
        return new Answer(received.toString(StandardCharsets.ISO_8859_1), false);
    }
}
