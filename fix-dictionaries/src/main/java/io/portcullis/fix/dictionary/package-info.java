/**
 * Portcullis' QuickFIX XML dictionaries (FIX 4.2, FIX 4.4, FIXT 1.1 and FIX 5.0SP2) and how a
 * session loads them.
 *
 * <p>The XML files sit beside this package on the class path ({@code io/portcullis/fix/dictionary/*.xml});
 * {@link io.portcullis.fix.dictionary.FixDictionary} names them, loads them as
 * {@link quickfix.DataDictionary} and gives the session settings that point QuickFIX/J at them.
 * The module README lists the messages and custom fields each one holds.
 */
package io.portcullis.fix.dictionary;
