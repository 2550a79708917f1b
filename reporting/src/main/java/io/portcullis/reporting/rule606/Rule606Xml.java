package io.portcullis.reporting.rule606;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URL;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;

import io.portcullis.reporting.rule605.OrderKind;
import org.xml.sax.SAXException;

/**
 * Writes the Rule 606 reports in the SEC's schema {@code oh-20191231.xsd} (bundled beside this class, version 1.2
 * documents) and validates them against it. Deterministic: no generation timestamp (the element is optional), so the
 * same audit trail gives the same bytes. UTF-8, two-space indentation, LF line ends.
 *
 * <p>Numbers: percentages {@code num * 100 / den} rounded half up to 2 decimals, empty ("not meaningful", the
 * schema's NmType) when the denominator is 0; USD amounts 2 decimals; cents per hundred shares 4 decimals, empty when
 * no share was concerned; shares as integers, average sizes 2 decimals.
 */
final class Rule606Xml {
    /** The bundled schema's resource name. */
    static final String XSD = "oh-20191231.xsd";
    private static final String VERSION = "1.2";
    private static final String[] KIND_PCT = {"marketPct", "marketableLimitPct", "nonMarketableLimitPct",
        "otherPct"};
    private static final String[] NDO_PCT = {"ndoMarketPct", "ndoMarketableLimitPct", "ndoNonmarketableLimitPct",
        "ndoOtherPct"};
    private static final String[] PAYMENT = {"Market", "MarketableLimit", "NonMarketableLimit", "Other"};
    private static final Schema SCHEMA = load();

    private Rule606Xml() {
    }

    /** A failed validation: the report breaks the schema (a bug; nothing is written). */
    static final class Invalid extends Exception {
        @java.io.Serial
        private static final long serialVersionUID = 1L;

        Invalid(final String message, final Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * The 606(a)(1) report of a quarter.
     *
     * @param bd      the broker-dealer's name
     * @param year    the year
     * @param quarter 1..4
     * @param routing the quarter's counts
     * @param venue   the venue
     * @return the document, validated
     * @throws Invalid when it breaks the schema
     */
    static byte[] publicReport(final String bd, final int year, final int quarter, final HeldOrderRouting routing,
                               final Venue venue) throws Invalid {
        return write(x -> {
            x.open("heldOrderRoutingPublicReport", true);
            x.leaf("version", VERSION);
            x.leaf("bd", bd);
            x.leaf("year", Integer.toString(year));
            x.leaf("qtr", Integer.toString(quarter));
            for (int m = quarter * 3 - 2; m <= quarter * 3; m++) {
                x.open("rMonthly", false);
                x.leaf("year", Integer.toString(year));
                x.leaf("mon", Integer.toString(m));
                section(x, "rSP500", routing.counts(m, true), venue);
                section(x, "rOtherStocks", routing.counts(m, false), venue);
                x.close();
            }
            x.close();
        });
    }

    private static void section(final Out x, final String name, final HeldOrderRouting.Counts counts,
                                final Venue venue) throws XMLStreamException {
        if (counts == null) {
            return;
        }
        final long total = counts.total();
        x.open(name, false);
        x.leaf("ndoPct", pct(total, total));
        for (final OrderKind kind : OrderKind.values()) {
            x.leaf(NDO_PCT[kind.ordinal()], pct(counts.orders[kind.ordinal()], total));
        }
        x.open("rVenues", false);
        x.open("rVenue", false);
        x.leaf("name", venue.name());
        if (venue.mic() != null) {
            x.leaf("mic", venue.mic());
        }
        x.leaf("orderPct", pct(total, total));
        for (final OrderKind kind : OrderKind.values()) {
            // every order of every kind went to this venue
            x.leaf(KIND_PCT[kind.ordinal()], pct(counts.orders[kind.ordinal()], counts.orders[kind.ordinal()]));
        }
        for (final OrderKind kind : OrderKind.values()) {
            // no payment for order flow, profit sharing, fee or rebate on our own venue
            x.leaf("netPmtPaidRecv" + PAYMENT[kind.ordinal()] + "OrdersUsd", "0.00");
            x.leaf("netPmtPaidRecv" + PAYMENT[kind.ordinal()] + "OrdersCph",
                counts.shares[kind.ordinal()] == 0 ? "" : "0.0000");
        }
        x.leaf("materialAspects", venue.materialAspects());
        x.close();
        x.close();
        x.close();
    }

    /**
     * The 606(b)(3) report of a customer.
     *
     * @param bd       the broker-dealer's name
     * @param customer the account
     * @param from     first day
     * @param to       last day
     * @param handling the account's sums
     * @param venue    the venue
     * @return the document, validated
     * @throws Invalid when it breaks the schema
     */
    static byte[] customerReport(final String bd, final String customer, final LocalDate from, final LocalDate to,
                                 final CustomerHandling handling, final Venue venue) throws Invalid {
        return write(x -> {
            x.open("notHeldOrderHandlingCustomerReport", true);
            x.leaf("version", VERSION);
            x.leaf("customer", customer);
            x.leaf("bd", bd);
            x.leaf("startDate", from.toString());
            x.leaf("endDate", to.toString());
            x.open("hNondirected", false);
            for (final Map.Entry<YearMonth, CustomerHandling.Month> entry : handling.months().entrySet()) {
                month(x, entry.getKey(), entry.getValue(), venue);
            }
            x.close();
            x.close();
        });
    }

    private static void month(final Out x, final YearMonth month, final CustomerHandling.Month m, final Venue venue)
        throws XMLStreamException {
        x.open("hMonthly", false);
        x.leaf("year", Integer.toString(month.getYear()));
        x.leaf("mon", Integer.toString(month.getMonthValue()));
        x.leaf("sentShr", Long.toString(m.sentShares));
        x.leaf("executedAsPrincipalShr", "0");
        x.leaf("ioiExposedOrd", "0");
        x.empty("ioiExposedVenueList");
        x.open("routingVenueList", false);
        x.open("iVenue", false);
        x.leaf("venueName", venue.name());
        if (venue.mic() != null) {
            x.leaf("mic", venue.mic());
        }
        x.leaf("routedShr", Long.toString(m.sentShares));
        x.leaf("iocRoutedShr", Long.toString(m.iocShares));
        x.leaf("furtherRoutableShr", "0");
        x.leaf("orderSizeShr", average(m.sentShares, m.orders));
        x.leaf("executedShr", Long.toString(m.executedShares));
        x.leaf("filledPct", pct(m.executedShares, m.sentShares));
        x.leaf("fillSizeShr", average(m.executedShares, m.fills));
        final String cph = m.executedShares == 0 ? "" : "0.0000";
        x.leaf("netFeeOrRebateCph", cph);
        x.leaf("midpointShr", Long.toString(m.midpointShares));
        x.leaf("midpointPct", pct(m.midpointShares, m.executedShares));
        x.leaf("nearsideShr", Long.toString(m.nearShares));
        x.leaf("nearsidePct", pct(m.nearShares, m.executedShares));
        x.leaf("farsideShr", Long.toString(m.farShares));
        x.leaf("farsidePct", pct(m.farShares, m.executedShares));
        // the schema's spelling
        x.leaf("providedLiqudityShr", Long.toString(m.providedShares));
        x.leaf("providedLiquidityPct", pct(m.providedShares, m.executedShares));
        x.leaf("orderDurationMsec", m.durationOrders == 0 ? "" : BigDecimal.valueOf(m.durationNanos)
            .divide(BigDecimal.valueOf(m.durationOrders * 1_000_000L), 0, RoundingMode.HALF_UP).toPlainString());
        x.leaf("providedLiquidityNetCph", m.providedShares == 0 ? "" : "0.0000");
        x.leaf("removedLiquidityShr", Long.toString(m.removedShares));
        x.leaf("removedLiquidityPct", pct(m.removedShares, m.executedShares));
        x.leaf("removedLiquidityNetCph", m.removedShares == 0 ? "" : "0.0000");
        x.close();
        x.close();
        x.close();
    }

    /** {@code num * 100 / den}, 2 decimals half up; empty when {@code den} is 0. */
    static String pct(final long num, final long den) {
        if (den == 0) {
            return "";
        }
        return BigDecimal.valueOf(num).multiply(BigDecimal.valueOf(100))
            .divide(BigDecimal.valueOf(den), 2, RoundingMode.HALF_UP).toPlainString();
    }

    private static String average(final long sum, final long count) {
        return count == 0 ? "" : BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_UP)
            .toPlainString();
    }

    /**
     * Validates a document against the bundled schema.
     *
     * @param xml the document
     * @throws Invalid naming the first violation, with its line and column
     */
    static void validate(final byte[] xml) throws Invalid {
        try {
            SCHEMA.newValidator().validate(new StreamSource(new ByteArrayInputStream(xml)));
        } catch (final SAXException | IOException ex) {
            throw new Invalid("the report breaks " + XSD + ": " + ex.getMessage(), ex);
        }
    }

    private interface Body {
        void write(Out x) throws XMLStreamException;
    }

    private static byte[] write(final Body body) throws Invalid {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            final XMLStreamWriter writer = XMLOutputFactory.newFactory().createXMLStreamWriter(bytes, "UTF-8");
            writer.writeStartDocument("UTF-8", "1.0");
            body.write(new Out(writer));
            writer.writeCharacters("\n");
            writer.writeEndDocument();
            writer.close();
        } catch (final XMLStreamException ex) {
            throw new Invalid("cannot write the report: " + ex.getMessage(), ex);
        }
        final byte[] xml = bytes.toByteArray();
        validate(xml);
        return xml;
    }

    /** Indenting element writer. */
    private static final class Out {
        private final XMLStreamWriter w;
        private int depth;

        private Out(final XMLStreamWriter w) {
            this.w = w;
        }

        void open(final String name, final boolean root) throws XMLStreamException {
            indent();
            w.writeStartElement(name);
            if (root) {
                w.writeNamespace("xsi", XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI);
                w.writeAttribute("xsi", XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI, "noNamespaceSchemaLocation",
                    XSD);
            }
            depth++;
        }

        void leaf(final String name, final String text) throws XMLStreamException {
            indent();
            w.writeStartElement(name);
            w.writeCharacters(text);
            w.writeEndElement();
        }

        void empty(final String name) throws XMLStreamException {
            indent();
            w.writeStartElement(name);
            w.writeEndElement();
        }

        void close() throws XMLStreamException {
            depth--;
            indent();
            w.writeEndElement();
        }

        private void indent() throws XMLStreamException {
            w.writeCharacters("\n" + "  ".repeat(depth));
        }
    }

    private static Schema load() {
        final URL xsd = Rule606Xml.class.getResource(XSD);
        if (xsd == null) {
            throw new IllegalStateException("the bundled schema " + XSD + " is missing");
        }
        try (InputStream in = xsd.openStream()) {
            final SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return factory.newSchema(new StreamSource(in, xsd.toExternalForm()));
        } catch (final SAXException | IOException ex) {
            throw new IllegalStateException("cannot load the bundled schema " + XSD, ex);
        }
    }
}
