package io.portcullis.fix.session;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Collections;

import quickfix.ConfigError;
import quickfix.FieldConvertError;
import quickfix.SessionID;
import quickfix.SessionSettings;
import quickfix.mina.ssl.SSLSupport;

/**
 * Start-up checks of an acceptor section with {@code SocketUseSSL=Y} that QuickFIX/J 3.0.0 does not make itself:
 * without {@code SocketKeyStore} it serves the demo key store bundled in its jar ({@code quickfixj.keystore}, whose
 * private key is public), and with a key store file that is missing it logs a warning and serves an empty one (every
 * handshake then fails while the port looks healthy). Here either stops start-up, naming the session and the setting,
 * as does a key store that does not open with {@code SocketKeyStorePassword} or holds no private key, and
 * {@code NeedClientAuth=Y} without {@code SocketTrustStore} (QuickFIX/J would then accept any client certificate).
 * Passwords are never part of a message. Start-up only; stateless.
 */
final class TlsSettings {
    private TlsSettings() {
    }

    /**
     * @param settings the gateway's session settings
     * @param id       one section of them
     * @throws ConfigError when the section uses TLS without a usable key store of its own
     */
    static void check(final SessionSettings settings, final SessionID id) throws ConfigError {
        if (!usesTls(settings, id)) {
            return;
        }
        if (SSLSupport.isNeedClientAuth(settings, id)
            && !settings.isSetting(id, SSLSupport.SETTING_TRUST_STORE_NAME)) {
            throw new ConfigError("session " + id + ": NeedClientAuth=Y needs SocketTrustStore (the clients' "
                + "certificates or their CA), else any client certificate is accepted");
        }
        if (!settings.isSetting(id, SSLSupport.SETTING_KEY_STORE_NAME)) {
            throw new ConfigError("session " + id + ": SocketUseSSL=Y needs SocketKeyStore (a PKCS12 or JKS file "
                + "with the gateway's key; see fix-engine/README.md)");
        }
        final String name = settings.getString(id, SSLSupport.SETTING_KEY_STORE_NAME);
        final Path file = Path.of(name);
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new ConfigError("session " + id + ": SocketKeyStore must name a readable file, was " + name);
        }
        final char[] password = SSLSupport.getKeyStorePassword(settings, id);
        final String type = SSLSupport.getKeyStoreType(settings, id);
        try (InputStream in = Files.newInputStream(file)) {
            final KeyStore store = KeyStore.getInstance(type);
            store.load(in, password);
            for (final String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    return;
                }
            }
        } catch (final IOException | GeneralSecurityException ex) {
            throw new ConfigError("session " + id + ": SocketKeyStore=" + name + " does not open as KeyStoreType="
                + type + " with SocketKeyStorePassword: " + ex.getMessage());
        }
        throw new ConfigError("session " + id + ": SocketKeyStore=" + name + " holds no private key");
    }

    private static boolean usesTls(final SessionSettings settings, final SessionID id) throws ConfigError {
        try {
            return settings.isSetting(id, SSLSupport.SETTING_USE_SSL)
                && settings.getBool(id, SSLSupport.SETTING_USE_SSL);
        } catch (final FieldConvertError ex) {
            throw new ConfigError("session " + id + ": SocketUseSSL must be Y or N");
        }
    }
}
