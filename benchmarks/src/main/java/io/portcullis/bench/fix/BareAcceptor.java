package io.portcullis.bench.fix;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

import io.portcullis.fix.field.AvgPx;
import io.portcullis.fix.field.ClOrdID;
import io.portcullis.fix.field.CumQty;
import io.portcullis.fix.field.ExecID;
import io.portcullis.fix.field.ExecType;
import io.portcullis.fix.field.LastPx;
import io.portcullis.fix.field.LastQty;
import io.portcullis.fix.field.LeavesQty;
import io.portcullis.fix.field.MsgType;
import io.portcullis.fix.field.OrdStatus;
import io.portcullis.fix.field.OrderID;
import io.portcullis.fix.field.OrderQty;
import io.portcullis.fix.field.Price;
import io.portcullis.fix.field.Side;
import io.portcullis.fix.field.Symbol;
import io.portcullis.fix.field.TransactTime;
import io.portcullis.fix.messages.PortcullisMessageFactory;
import io.portcullis.fix.messages.fix44.ExecutionReport;
import quickfix.Application;
import quickfix.ConfigError;
import quickfix.FieldNotFound;
import quickfix.FileStoreFactory;
import quickfix.Message;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.SessionNotFound;
import quickfix.SessionSettings;
import quickfix.ThreadedSocketAcceptor;
import quickfix.mina.acceptor.DynamicAcceptorSessionProvider;

/**
 * The floor for any QuickFIX/J gateway: a bare QuickFIX/J 3.0.0 acceptor that answers every NewOrderSingle(D) with an
 * ExecutionReport New and an ExecutionReport Fill at the order's price, and does nothing else (no authentication,
 * no validation beyond QuickFIX/J's own, no risk, no journal, no book). The same ThreadedSocketAcceptor, FIX 4.4
 * dictionary and message classes as the gateway; QuickFIX/J's default FileStore (no sync) for sequence numbers and
 * messages, no message log.
 *
 * <p>Arguments: {@code PORT DIR}; accepts any SenderCompID on the port (TargetCompID {@code PORTCULLIS}). Prints
 * {@code READY} when listening, then runs until killed.
 */
public final class BareAcceptor implements Application {
    private final AtomicLong ids = new AtomicLong();

    private BareAcceptor() {
    }

    public static void main(final String[] args) throws ConfigError, InterruptedException {
        final PrintStream out = new PrintStream(System.out, true, StandardCharsets.US_ASCII);
        final SessionSettings settings = new SessionSettings();
        settings.setString("ConnectionType", "acceptor");
        settings.setString("SocketAcceptAddress", "127.0.0.1");
        settings.setString("SocketAcceptPort", args[0]);
        settings.setString("SocketReuseAddress", "Y");
        settings.setString("FileStorePath", Path.of(args[1]).resolve("store").toString());
        settings.setString("NonStopSession", "Y");
        settings.setString("UseDataDictionary", "Y");
        settings.setString("DataDictionary", "FIX44.xml");
        final SessionID template = new SessionID("FIX.4.4", "PORTCULLIS", "*");
        settings.setString(template, "AcceptorTemplate", "Y");
        final BareAcceptor application = new BareAcceptor();
        final FileStoreFactory stores = new FileStoreFactory(settings);
        final ThreadedSocketAcceptor acceptor = new ThreadedSocketAcceptor(application, stores, settings,
            new PortcullisMessageFactory());
        acceptor.setSessionProvider(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])),
            new DynamicAcceptorSessionProvider(settings, template, application, stores, null,
                new PortcullisMessageFactory()));
        acceptor.start();
        out.println("READY");
        Runtime.getRuntime().addShutdownHook(new Thread(acceptor::stop, "bare-acceptor-stop"));
        Thread.currentThread().join();
    }

    @Override
    public void fromApp(final Message message, final SessionID sessionId) throws FieldNotFound {
        if (!"D".equals(message.getHeader().getString(MsgType.FIELD))) {
            return;
        }
        final BigDecimal qty = message.getDecimal(OrderQty.FIELD);
        final BigDecimal price = message.getDecimal(Price.FIELD);
        final String orderId = Long.toString(ids.incrementAndGet());
        final ExecutionReport ack = report(orderId, message, ExecType.NEW, OrdStatus.NEW);
        ack.setDecimal(LeavesQty.FIELD, qty);
        ack.setDecimal(CumQty.FIELD, BigDecimal.ZERO);
        ack.setDecimal(AvgPx.FIELD, BigDecimal.ZERO);
        final ExecutionReport fill = report(orderId, message, ExecType.TRADE, OrdStatus.FILLED);
        fill.setDecimal(LeavesQty.FIELD, BigDecimal.ZERO);
        fill.setDecimal(CumQty.FIELD, qty);
        fill.setDecimal(AvgPx.FIELD, price);
        fill.setDecimal(LastQty.FIELD, qty);
        fill.setDecimal(LastPx.FIELD, price);
        try {
            Session.sendToTarget(ack, sessionId);
            Session.sendToTarget(fill, sessionId);
        } catch (final SessionNotFound ex) {
            throw new IllegalStateException(ex);
        }
    }

    private ExecutionReport report(final String orderId, final Message order, final char execType,
                                   final char ordStatus) throws FieldNotFound {
        final ExecutionReport report = new ExecutionReport();
        report.setString(OrderID.FIELD, orderId);
        report.setString(ClOrdID.FIELD, order.getString(ClOrdID.FIELD));
        report.setString(ExecID.FIELD, Long.toString(ids.incrementAndGet()));
        report.setChar(ExecType.FIELD, execType);
        report.setChar(OrdStatus.FIELD, ordStatus);
        report.setString(Symbol.FIELD, order.getString(Symbol.FIELD));
        report.setChar(Side.FIELD, order.getChar(Side.FIELD));
        report.setDecimal(OrderQty.FIELD, order.getDecimal(OrderQty.FIELD));
        report.setUtcTimeStamp(TransactTime.FIELD, LocalDateTime.now(ZoneOffset.UTC), true);
        return report;
    }

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
}
