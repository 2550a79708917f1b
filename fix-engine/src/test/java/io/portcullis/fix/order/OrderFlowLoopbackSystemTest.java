package io.portcullis.fix.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.portcullis.config.Settings;
import io.portcullis.fix.dictionary.FixDictionary;
import io.portcullis.fix.messages.PortcullisMessageFactory;
import io.portcullis.fix.session.SessionProfile;
import io.portcullis.oms.journal.JournalConfiguration;
import io.portcullis.oms.journal.KafkaJournal;
import io.portcullis.oms.journal.RandomFlowAccess;
import io.portcullis.oms.recovery.Recovery;
import io.portcullis.oms.runner.EngineRunner;
import io.portcullis.testsupport.Isolation;
import io.portcullis.testsupport.LocalStack;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import quickfix.Application;
import quickfix.DefaultMessageFactory;
import quickfix.FieldNotFound;
import quickfix.MemoryStoreFactory;
import quickfix.Message;
import quickfix.SLF4JLogFactory;
import quickfix.SessionID;
import quickfix.SessionSettings;
import quickfix.SocketAcceptor;
import quickfix.SocketInitiator;

/**
 * The order layer end to end on FIX 4.4 over loopback: a real QuickFIX/J acceptor calling {@link OrderFlowHandler},
 * the real engine runner on the real Kafka journal, and two real QuickFIX/J initiators (validating everything they
 * receive against the FIX 4.4 dictionary).
 */
@Timeout(120)
class OrderFlowLoopbackSystemTest {
    private static final String BUYER = "BUYER1";
    private static final String SELLER = "SELLER1";
    private static final Map<String, SessionProfile> PROFILES = new ConcurrentHashMap<>();
    private static final Map<String, BlockingQueue<Message>> RECEIVED = new ConcurrentHashMap<>();
    private static final PortcullisMessageFactory MESSAGES = new PortcullisMessageFactory();

    private static KafkaJournal kafka;
    private static EngineRunner runner;
    private static Outbound outbound;
    private static SocketAcceptor acceptor;
    private static SocketInitiator initiator;
    private static OrderFlowHandler handler;

    @BeforeAll
    static void start() throws Exception {
        LocalStack.require(LocalStack.Service.KAFKA);
        final JournalConfiguration journal = JournalConfiguration.from(Settings.of(
            Map.of("kafka.bootstrap", LocalStack.kafkaBootstrap()), Map.of(), Map.of()))
            .withTopic(Isolation.topicName(OrderFlowLoopbackSystemTest.class, "journal"));
        kafka = KafkaJournal.open(journal);
        final Recovery.Result recovered = Recovery.recover(RandomFlowAccess.config(), null, journal);
        outbound = new Outbound(FixTestKit::firmOf, FixTestKit.SYMBOLS, journal, null, FixSender.QUICKFIXJ, 4096);
        runner = new EngineRunner(recovered, kafka, null, 4096, 0, outbound);
        outbound.start(recovered.nextOffset());
        handler = new OrderFlowHandler(runner::submit, outbound, FixTestKit::firmOf, InstantSource.system(),
            FixSender.QUICKFIXJ);
        final int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        final SessionSettings acceptorSettings = settings("acceptor", port, "PORTCULLIS", BUYER, SELLER);
        for (final String client : new String[] {BUYER, SELLER}) {
            final SessionID id = new SessionID("FIX.4.4", "PORTCULLIS", client);
            PROFILES.put(id.toString(), new SessionProfile(id.toString(), client.equals(BUYER) ? "FIRMA" : "FIRMB",
                SessionProfile.Role.ORDER_ENTRY, client.equals(BUYER) ? "ALICE" : "CAROL", false, 0));
            RECEIVED.put(client, new LinkedBlockingQueue<>());
        }
        acceptor = new SocketAcceptor(new GatewayApp(), new MemoryStoreFactory(), acceptorSettings,
            new SLF4JLogFactory(acceptorSettings), new PortcullisMessageFactory());
        acceptor.start();
        final SessionSettings initiatorSettings = settings("initiator", port, null, BUYER, SELLER);
        initiator = new SocketInitiator(new ClientApp(), new MemoryStoreFactory(), initiatorSettings,
            new SLF4JLogFactory(initiatorSettings), new DefaultMessageFactory());
        initiator.start();
        Awaitility.await().atMost(20, TimeUnit.SECONDS).until(() -> initiator.isLoggedOn()
            && initiator.getManagedSessions().stream().allMatch(quickfix.Session::isLoggedOn));
        // the logons reach the outbound thread through its control queue
        Thread.sleep(200);
    }

    @AfterAll
    static void stop() {
        if (initiator != null) {
            initiator.stop(true);
        }
        if (acceptor != null) {
            acceptor.stop(true);
        }
        if (runner != null) {
            runner.close();
        }
        if (outbound != null) {
            outbound.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void shouldTradeCancelReplaceQueryMassCancelAndStreamMarketDataOverFix44() throws Exception {
        send(SELLER, marketDataRequest("MD1", "MSFT"));
        final Message snapshot = next(SELLER, "W");
        assertThat(snapshot.getString(262)).isEqualTo("MD1");

        send(BUYER, order("B1", '1', "MSFT", "300", "478.43"));
        expect(next(BUYER, "8"), "0", "0", "0", "300");
        send(SELLER, order("S1", '2', "MSFT", "100", "478.43"));
        expect(next(SELLER, "8"), "0", "0", "0", "100");
        final Message partial = next(BUYER, "8");
        expect(partial, "F", "1", "100", "200");
        assertThat(partial.getString(31)).isEqualTo("478.43");
        assertThat(partial.getString(32)).isEqualTo("100");
        assertThat(partial.getString(6)).isEqualTo("478.43");
        expect(next(SELLER, "8"), "F", "2", "100", "0");
        send(SELLER, order("S2", '2', "MSFT", "200", "478.40"));
        expect(next(SELLER, "8"), "0", "0", "0", "200");
        expect(next(BUYER, "8"), "F", "2", "300", "0");
        expect(next(SELLER, "8"), "F", "2", "200", "0");

        Message x = next(SELLER, "X");
        while (!hasTrade(x)) {
            x = next(SELLER, "X");
        }

        send(BUYER, cancel("B1C", "B1"));
        final Message reject = next(BUYER, "9");
        assertThat(reject.getString(434)).isEqualTo("1");
        assertThat(reject.getString(41)).isEqualTo("B1");

        send(BUYER, order("B2", '1', "MSFT", "100", "470"));
        expect(next(BUYER, "8"), "0", "0", "0", "100");
        send(BUYER, replace("B3", "B2", "200", "471"));
        final Message replaced = next(BUYER, "8");
        expect(replaced, "5", "0", "0", "200");
        assertThat(replaced.getString(41)).isEqualTo("B2");
        final Message status = MESSAGES.create("FIX.4.4", "H");
        status.setString(11, "B3");
        status.setString(790, "Q1");
        status.setString(55, "MSFT");
        status.setChar(54, '1');
        send(BUYER, status);
        final Message answer = next(BUYER, "8");
        expect(answer, "I", "0", "0", "200");
        assertThat(answer.getString(790)).isEqualTo("Q1");
        send(BUYER, cancel("B4", "B3"));
        final Message cancelled = next(BUYER, "8");
        expect(cancelled, "4", "4", "0", "0");
        assertThat(cancelled.getString(41)).isEqualTo("B3");

        send(BUYER, order("B5", '1', "SPY", "100", "660"));
        send(BUYER, order("B6", '1', "SPY", "100", "661"));
        next(BUYER, "8");
        next(BUYER, "8");
        final Message massCancel = MESSAGES.create("FIX.4.4", "q");
        massCancel.setString(11, "M1");
        massCancel.setChar(530, '7');
        massCancel.setUtcTimeStamp(60, java.time.LocalDateTime.now());
        send(BUYER, massCancel);
        expect(next(BUYER, "8"), "4", "4", "0", "0");
        expect(next(BUYER, "8"), "4", "4", "0", "0");
        final Message report = next(BUYER, "r");
        assertThat(report.getString(531)).isEqualTo("7");
        assertThat(report.getString(533)).isEqualTo("2");
    }

    private static boolean hasTrade(final Message x) throws FieldNotFound {
        for (final quickfix.Group g : x.getGroups(268)) {
            if (g.getChar(269) == '2') {
                return true;
            }
        }
        return false;
    }

    private static void expect(final Message er, final String execType, final String ordStatus, final String cumQty,
                               final String leavesQty) throws FieldNotFound {
        assertThat(er.getString(150)).as("ExecType of %s", er).isEqualTo(execType);
        assertThat(er.getString(39)).as("OrdStatus of %s", er).isEqualTo(ordStatus);
        assertThat(er.getString(14)).as("CumQty of %s", er).isEqualTo(cumQty);
        assertThat(er.getString(151)).as("LeavesQty of %s", er).isEqualTo(leavesQty);
    }

    private static Message next(final String client, final String msgType) throws Exception {
        final BlockingQueue<Message> queue = RECEIVED.get(client);
        while (true) {
            final Message m = queue.poll(15, TimeUnit.SECONDS);
            assertThat(m).as("a %s message for %s", msgType, client).isNotNull();
            if (m.getHeader().getString(35).equals(msgType)) {
                return m;
            }
            if (!"X".equals(m.getHeader().getString(35)) && !"W".equals(m.getHeader().getString(35))) {
                throw new AssertionError("expected " + msgType + " but got " + m);
            }
        }
    }

    private static void send(final String client, final Message m) throws Exception {
        quickfix.Session.sendToTarget(m, new SessionID("FIX.4.4", client, "PORTCULLIS"));
    }

    private static Message order(final String clOrdId, final char side, final String symbol, final String qty,
                                 final String price) {
        final Message d = MESSAGES.create("FIX.4.4", "D");
        d.setString(11, clOrdId);
        d.setChar(21, '1');
        d.setString(55, symbol);
        d.setChar(54, side);
        d.setUtcTimeStamp(60, java.time.LocalDateTime.now());
        d.setDecimal(38, new BigDecimal(qty));
        d.setChar(40, '2');
        d.setDecimal(44, new BigDecimal(price));
        d.setChar(59, '0');
        return d;
    }

    private static Message cancel(final String clOrdId, final String orig) {
        final Message f = MESSAGES.create("FIX.4.4", "F");
        f.setString(11, clOrdId);
        f.setString(41, orig);
        f.setString(55, "MSFT");
        f.setChar(54, '1');
        f.setUtcTimeStamp(60, java.time.LocalDateTime.now());
        return f;
    }

    private static Message replace(final String clOrdId, final String orig, final String qty, final String price) {
        final Message g = MESSAGES.create("FIX.4.4", "G");
        g.setString(11, clOrdId);
        g.setString(41, orig);
        g.setChar(21, '1');
        g.setString(55, "MSFT");
        g.setChar(54, '1');
        g.setChar(40, '2');
        g.setDecimal(38, new BigDecimal(qty));
        g.setDecimal(44, new BigDecimal(price));
        g.setUtcTimeStamp(60, java.time.LocalDateTime.now());
        return g;
    }

    private static Message marketDataRequest(final String id, final String symbol) {
        final Message v = MESSAGES.create("FIX.4.4", "V");
        v.setString(262, id);
        v.setChar(263, '1');
        v.setInt(264, 1);
        v.setInt(265, 1);
        for (final char type : new char[] {'0', '1', '2'}) {
            final quickfix.Group g = MESSAGES.create("FIX.4.4", "V", 267);
            g.setChar(269, type);
            v.addGroup(g);
        }
        final quickfix.Group s = MESSAGES.create("FIX.4.4", "V", 146);
        s.setString(55, symbol);
        v.addGroup(s);
        return v;
    }

    private static SessionSettings settings(final String type, final int port, final String acceptorId,
                                            final String... clients) throws Exception {
        final StringBuilder cfg = new StringBuilder("[DEFAULT]\nConnectionType=").append(type)
            .append("\nStartTime=00:00:00\nEndTime=00:00:00\nHeartBtInt=30\nReconnectInterval=1\n")
            .append("ResetOnLogon=Y\nSocketConnectHost=127.0.0.1\nSocketConnectPort=").append(port)
            .append("\nSocketAcceptPort=").append(port).append("\nBeginString=FIX.4.4\n");
        FixDictionary.sessionSettings("FIX.4.4").forEach((k, v) -> cfg.append(k).append('=').append(v).append('\n'));
        for (final String client : clients) {
            cfg.append("[SESSION]\n");
            if (acceptorId != null) {
                cfg.append("SenderCompID=").append(acceptorId).append("\nTargetCompID=").append(client).append('\n');
            } else {
                cfg.append("SenderCompID=").append(client).append("\nTargetCompID=PORTCULLIS\n");
            }
        }
        return new SessionSettings(new ByteArrayInputStream(cfg.toString().getBytes(StandardCharsets.US_ASCII)));
    }

    /** The acceptor side: what the session layer will do, minus authentication. */
    private static final class GatewayApp implements Application {
        @Override
        public void onCreate(final SessionID sessionId) {
        }

        @Override
        public void onLogon(final SessionID sessionId) {
            handler.onLogon(sessionId, PROFILES.get(sessionId.toString()));
        }

        @Override
        public void onLogout(final SessionID sessionId) {
            handler.onLogout(sessionId, PROFILES.get(sessionId.toString()));
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
            handler.onApplicationMessage(message, sessionId, PROFILES.get(sessionId.toString()));
        }
    }

    /** The broker side: queues every application message it receives (after dictionary validation). */
    private static final class ClientApp implements Application {
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
        }

        @Override
        public void fromAdmin(final Message message, final SessionID sessionId) {
        }

        @Override
        public void toApp(final Message message, final SessionID sessionId) {
        }

        @Override
        public void fromApp(final Message message, final SessionID sessionId) {
            RECEIVED.get(sessionId.getSenderCompID()).add(message);
        }
    }
}
