package io.portcullis.app.admin;

import static io.portcullis.sql.schema.Tables.ACCOUNT;

import java.io.IOException;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

import io.portcullis.reporting.search.AuditSearch;
import io.portcullis.reporting.search.AuditSearchConfiguration;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin API's audit search, connected to Elasticsearch on first use (a node whose operators never search opens
 * no client) and closed with the API. Broker firms resolve to their accounts in the book of record (table
 * {@code account}): the audit documents name accounts, not firms. Thread-safe.
 */
final class AuditSearchConnection implements Supplier<AuditSearch>, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AuditSearchConnection.class);

    private final AuditSearchConfiguration configuration;
    private final DSLContext dsl;
    private AuditSearch search;
    private boolean closed;

    /**
     * @param configuration where to search ({@code es.url}, {@code audit.index-prefix})
     * @param dsl           the book-of-record database, for the accounts of a broker firm
     */
    AuditSearchConnection(final AuditSearchConfiguration configuration, final DSLContext dsl) {
        this.configuration = configuration;
        this.dsl = dsl;
    }

    AuditSearchConfiguration configuration() {
        return configuration;
    }

    @Override
    public synchronized AuditSearch get() {
        if (closed) {
            throw new IllegalStateException("the admin API is stopped");
        }
        if (search == null) {
            search = AuditSearch.connect(configuration, this::accountsOf);
        }
        return search;
    }

    private Set<String> accountsOf(final String firm) {
        return new TreeSet<>(dsl.select(ACCOUNT.ACCOUNT_ID).from(ACCOUNT).where(ACCOUNT.FIRM_ID.eq(firm))
            .fetch(ACCOUNT.ACCOUNT_ID));
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (search != null) {
            try {
                search.close();
            } catch (final IOException ex) {
                LOG.warn("closing the audit search's Elasticsearch client: {}", ex.toString());
            }
            search = null;
        }
    }
}
