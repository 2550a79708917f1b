package io.portcullis.fix.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.portcullis.config.Settings;
import io.portcullis.fix.dictionary.FixDictionary;
import io.portcullis.fix.messages.PortcullisMessageFactory;
import io.portcullis.fix.session.SessionProfile;
import io.portcullis.oms.command.Command;
import io.portcullis.oms.domain.Account;
import io.portcullis.oms.domain.Instrument;
import io.portcullis.oms.domain.InstrumentStatus;
import io.portcullis.oms.engine.EngineConfig;
import io.portcullis.oms.instrument.InstrumentRegistry;
import io.portcullis.oms.journal.JournalConfiguration;
import io.portcullis.oms.journal.KafkaJournal;
import io.portcullis.oms.recovery.Recovery;
import io.portcullis.oms.runner.CommandCallback;
import io.portcullis.oms.runner.EngineRunner;
import io.portcullis.testsupport.Isolation;
import org.awaitility.Awaitility;
import quickfix.Application;
import quickfix.FieldNotFound;
import quickfix.MemoryStoreFactory;
import quickfix.Message;
import quickfix.MessageUtils;
import quickfix.SLF4JLogFactory;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.SessionSettings;
import quickfix.SocketAcceptor;
import quickfix.SocketInitiator;

/**
 * One FIX version's order path over loopback for a test class: a real QuickFIX/J acceptor calling
 * {@link OrderFlowHandler}, the real engine runner on its own Kafka journal topic, the real {@link Outbound}, and a
 * real QuickFIX/J initiator with three client sessions ({@value #BUYER} for account ALICE of FIRMA, {@value #SELLER}
 * for CAROL of FIRMB, {@value #MASS} for BOB of FIRMA). Both ends validate what they receive against the version's
 * Portcullis dictionary and decode it into the version's generated classes ({@link PortcullisMessageFactory}). The
 * acceptor authenticates nobody: logon is the session layer's business and tested there.
 *
 * <p>Instruments: {@link #SYMBOLS}, tick 0.01 USD, lot 1, so each test can trade a symbol of its own.
 */
final class LoopbackGateway implements AutoCloseable {
    static final String US = "PORTCULLIS";
    static final String BUYER = "BUYER1";
    static final String SELLER = "SELLER1";
    static final String MASS = "MASS1";
    static final List<String> SYMBOLS = List.of("AAPL", "MSFT", "SPY", "NVDA", "AMZN", "GOOG", "META", "TSLA", "QQQ",
        "IBM", "ORCL");

    private static final long WAIT_SECONDS = 15;
    private static final Map<String, String[]> CLIENTS = Map.of(
        BUYER, new String[] {"FIRMA", "ALICE"}, SELLER, new String[] {"FIRMB", "CAROL"}, MASS,
        new String[] {"FIRMA", "BOB"});

    private final String beginString;
    private final Map<String, SessionProfile> profiles = new ConcurrentHashMap<>();
    private final Map<String, BlockingQueue<Message>> received = new ConcurrentHashMap<>();
    private final List<String> clientRejects = new CopyOnWriteArrayList<>();
    private final Set<String> execIds = ConcurrentHashMap.newKeySet();
    private final KafkaJournal kafka;
    private final EngineRunner runner;
    private final Outbound outbound;
    private final OrderFlowHandler handler;
    private final SocketAcceptor acceptor;
    private final SocketInitiator initiator;

    /**
     * Starts everything and returns once every client session is logged on and known to the outbound thread.
     *
     * @param testClass     names the journal topic
     * @param kafkaBootstrap the local stack's Kafka
     * @param beginString   FIX.4.2, FIX.4.4 or FIXT.1.1 (FIX 5.0SP2 application messages)
     */
    LoopbackGateway(final Class<?> testClass, final String kafkaBootstrap, final String beginString)
        throws Exception {
        this.beginString = beginString;
        final JournalConfiguration journal = JournalConfiguration.from(Settings.of(
            Map.of("kafka.bootstrap", kafkaBootstrap), Map.of(), Map.of()))
            .withTopic(Isolation.topicName(testClass, "journal"));
        kafka = KafkaJournal.open(journal);
        final Recovery.Result recovered = Recovery.recover(engineConfig(), null, journal);
        outbound = new Outbound(FixTestKit::firmOf, SYMBOLS::contains, journal, null, FixSender.QUICKFIXJ, 4096);
        runner = new EngineRunner(recovered, kafka, null, 4096, 0, outbound);
        outbound.start(recovered.nextOffset());
        handler = new OrderFlowHandler(runner::submit, outbound, FixTestKit::firmOf, InstantSource.system(),
            FixSender.QUICKFIXJ);
        final int port = freePort();
        for (final Map.Entry<String, String[]> client : CLIENTS.entrySet()) {
            final SessionID id = new SessionID(beginString, US, client.getKey());
            profiles.put(id.toString(), new SessionProfile(id.toString(), client.getValue()[0],
                SessionProfile.Role.ORDER_ENTRY, client.getValue()[1], false, 0));
            received.put(client.getKey(), new LinkedBlockingQueue<>());
        }
        final SessionSettings acceptorSettings = settings("acceptor", port);
        acceptor = new SocketAcceptor(new GatewayApp(), new MemoryStoreFactory(), acceptorSettings,
            new SLF4JLogFactory(acceptorSettings), new PortcullisMessageFactory());
        acceptor.start();
        final SessionSettings initiatorSettings = settings("initiator", port);
        initiator = new SocketInitiator(new ClientApp(), new MemoryStoreFactory(), initiatorSettings,
            new SLF4JLogFactory(initiatorSettings), new PortcullisMessageFactory());
        initiator.start();
        Awaitility.await().atMost(WAIT_SECONDS, TimeUnit.SECONDS).until(() -> initiator.isLoggedOn()
            && initiator.getManagedSessions().stream().allMatch(Session::isLoggedOn));
        for (final String client : CLIENTS.keySet()) {
            awaitOutboundKnows(client);
        }
    }

    /** @return BeginString(8) of every session here */
    String beginString() {
        return beginString;
    }

    /** Sends an application message from a client session. */
    void send(final String client, final Message message) {
        assertThat(Session.lookupSession(clientSession(client)).send(message))
            .as("%s sent %s", client, message).isTrue();
    }

    /**
     * The next message of type {@code msgType} the client received, skipping market data (W, X) of its
     * subscriptions. Fails on any other type, on nothing within 15 s, on a gateway message the client's own
     * validation refused, on an application message not decoded into the version's generated classes, and on an
     * ExecutionReport whose ExecID(17) this test class has seen before.
     */
    Message next(final String client, final String msgType) throws InterruptedException, FieldNotFound {
        final BlockingQueue<Message> queue = received.get(client);
        while (true) {
            final Message m = queue.poll(WAIT_SECONDS, TimeUnit.SECONDS);
            assertThat(clientRejects).as("gateway messages the clients' dictionaries refused").isEmpty();
            assertThat(m).as("a %s message for %s within %d s", msgType, client, WAIT_SECONDS).isNotNull();
            final String type = m.getHeader().getString(35);
            if (type.equals(msgType)) {
                assertThat(m.getClass().getPackageName()).as("package of the %s decoded by %s", type, client)
                    .isEqualTo(generatedPackage(type));
                if ("8".equals(type)) {
                    assertThat(execIds.add(m.getString(17))).as("ExecID(17) %s is unique: %s", m.getString(17), m)
                        .isTrue();
                }
                return m;
            }
            if (!"X".equals(type) && !"W".equals(type)) {
                throw new AssertionError(client + " expected MsgType " + msgType + " but got " + m);
            }
        }
    }

    /** Fails when the client has received anything but market data within {@code millis}. */
    void assertNothingMore(final String client, final long millis) throws InterruptedException, FieldNotFound {
        final BlockingQueue<Message> queue = received.get(client);
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        long left;
        while ((left = deadline - System.nanoTime()) > 0) {
            final Message m = queue.poll(left, TimeUnit.NANOSECONDS);
            if (m != null && !"X".equals(m.getHeader().getString(35)) && !"W".equals(m.getHeader().getString(35))) {
                throw new AssertionError(client + " expected nothing more but got " + m);
            }
        }
    }

    /** Submits a command to the engine directly, as the gateway's timers do (GTD expiry). */
    void submit(final Command command) {
        assertThat(runner.submit(command, new CommandCallback() {
            @Override
            public void onDurable(final long sequence, final long offset, final byte[] record) {
                // its reports leave through the Outbound
            }

            @Override
            public void onLost(final long sequence, final String reason) {
                throw new AssertionError("engine lost " + command + ": " + reason);
            }
        })).as("engine took %s", command).isTrue();
    }

    @Override
    public void close() {
        initiator.stop(true);
        acceptor.stop(true);
        runner.close();
        outbound.close();
        kafka.close();
    }

    private SessionID clientSession(final String client) {
        return new SessionID(beginString, client, US);
    }

    private String generatedPackage(final String msgType) {
        final String version = switch (beginString) {
            case "FIX.4.2" -> "fix42";
            case "FIX.4.4" -> "fix44";
            default -> MessageUtils.isAdminMessage(msgType) ? "fixt11" : "fix50sp2";
        };
        return "io.portcullis.fix.messages." + version;
    }

    /**
     * A status request for an order nobody sent, answered by the outbound thread only once it has taken the
     * session's logon off its control queue (it sends to logged-on sessions only).
     */
    private void awaitOutboundKnows(final String client) throws InterruptedException, FieldNotFound {
        final Message h = new PortcullisMessageFactory().create(beginString, "H");
        h.setString(11, "WARM-UP-" + client);
        h.setString(55, "AAPL");
        h.setChar(54, '1');
        send(client, h);
        assertThat(next(client, "8").getString(39)).isEqualTo("8");
    }

    private SessionSettings settings(final String type, final int port) throws Exception {
        final StringBuilder cfg = new StringBuilder("[DEFAULT]\nConnectionType=").append(type)
            .append("\nStartTime=00:00:00\nEndTime=00:00:00\nHeartBtInt=30\nReconnectInterval=1\n")
            .append("ResetOnLogon=Y\nSocketConnectHost=127.0.0.1\nSocketConnectPort=").append(port)
            .append("\nSocketAcceptAddress=127.0.0.1\nSocketAcceptPort=").append(port)
            .append("\nBeginString=").append(beginString).append('\n');
        FixDictionary.sessionSettings(beginString).forEach((k, v) -> cfg.append(k).append('=').append(v).append('\n'));
        for (final String client : CLIENTS.keySet()) {
            final boolean acceptorSide = "acceptor".equals(type);
            cfg.append("[SESSION]\nSenderCompID=").append(acceptorSide ? US : client)
                .append("\nTargetCompID=").append(acceptorSide ? client : US).append('\n');
        }
        return new SessionSettings(new ByteArrayInputStream(cfg.toString().getBytes(StandardCharsets.US_ASCII)));
    }

    private static EngineConfig engineConfig() {
        final List<Instrument> instruments = new ArrayList<>();
        for (final String symbol : SYMBOLS) {
            instruments.add(new Instrument(symbol, symbol, "XNAS", true, 100, 1, 1_000_000, InstrumentStatus.ACTIVE));
        }
        return new EngineConfig().instruments(InstrumentRegistry.of(instruments)).accounts(List.of(
            Account.customer("ALICE", "FIRMA"), Account.customer("BOB", "FIRMA"), Account.customer("CAROL", "FIRMB")));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The acceptor side: what the session layer does once a logon is accepted. */
    private final class GatewayApp implements Application {
        @Override
        public void onCreate(final SessionID sessionId) {
        }

        @Override
        public void onLogon(final SessionID sessionId) {
            handler.onLogon(sessionId, profiles.get(sessionId.toString()));
        }

        @Override
        public void onLogout(final SessionID sessionId) {
            handler.onLogout(sessionId, profiles.get(sessionId.toString()));
        }

        @Override
        public void toAdmin(final Message message, final SessionID sessionId) {
        }

        @Override
        public void fromAdmin(final Message message, final SessionID sessionId) {
        }

        @Override
        public void toApp(final Message message, final SessionID sessionId) {
        }

        @Override
        public void fromApp(final Message message, final SessionID sessionId)
            throws FieldNotFound, quickfix.IncorrectDataFormat, quickfix.IncorrectTagValue,
            quickfix.UnsupportedMessageType {
            handler.onApplicationMessage(message, sessionId, profiles.get(sessionId.toString()));
        }
    }

    /**
     * The broker side: queues every application message it receives and every session Reject(3) the gateway
     * sends, and records every Reject(3) it sends itself (a gateway message its dictionary refused).
     */
    private final class ClientApp implements Application {
        @Override
        public void onCreate(final SessionID sessionId) {
        }

        @Override
        public void onLogon(final SessionID sessionId) {
        }

        @Override
        public void onLogout(final SessionID sessionId) {
        }

        @Override
        public void toAdmin(final Message message, final SessionID sessionId) {
            if (isReject(message)) {
                clientRejects.add(sessionId.getSenderCompID() + " rejected a gateway message: " + message);
            }
        }

        @Override
        public void fromAdmin(final Message message, final SessionID sessionId) {
            if (isReject(message)) {
                received.get(sessionId.getSenderCompID()).add(message);
            }
        }

        @Override
        public void toApp(final Message message, final SessionID sessionId) {
        }

        @Override
        public void fromApp(final Message message, final SessionID sessionId) {
            received.get(sessionId.getSenderCompID()).add(message);
        }

        private static boolean isReject(final Message message) {
            try {
                return "3".equals(message.getHeader().getString(35));
            } catch (final FieldNotFound noType) {
                return false;
            }
        }
    }
}
