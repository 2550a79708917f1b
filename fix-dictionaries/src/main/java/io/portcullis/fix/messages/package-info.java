/**
 * QuickFIX/J message classes generated from our dictionaries, one subpackage per version
 * ({@code fix42}, {@code fix44}, {@code fixt11}, {@code fix50sp2}; fields in
 * {@code io.portcullis.fix.field}), and the {@link io.portcullis.fix.messages.PortcullisMessageFactory}
 * that an acceptor uses to build them.
 *
 * <p>The subpackages are generated at build time by the quickfixj-codegenerator plugin and never
 * edited by hand. Prices, quantities and amounts are {@link java.math.BigDecimal}; construct them
 * from {@code BigDecimal} or {@code String} values, never with the generated {@code double}
 * constructors, which inherit {@code new BigDecimal(double)}'s binary rounding.
 */
package io.portcullis.fix.messages;
