/**
 * {@code ./portcullis fixlog}: the FIX messages of the audit trail (the FIX_MESSAGE documents of the audit index),
 * filtered by session, time, MsgType and ClOrdID, printed with tag and value names from the session's dictionary,
 * and followed as new ones are indexed. {@link io.portcullis.reporting.fixlog.FixLogMain} is the entry point.
 */
package io.portcullis.reporting.fixlog;
