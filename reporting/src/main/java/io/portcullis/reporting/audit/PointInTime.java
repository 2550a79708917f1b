package io.portcullis.reporting.audit;

import java.io.IOException;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import org.elasticsearch.client.ResponseException;

/**
 * Opens a point in time over the audit alias the way every reader of the index needs it: a missing alias means
 * nothing is indexed yet (not an error), and a 503 or 429 is waited out, because the indexer creates each day's index
 * with its first document and the alias can name it for a few hundred milliseconds before its shard has started
 * (seen in a test: a report run right after a gateway's first admin action got 503 from {@code _pit}).
 */
public final class PointInTime {
    /** Attempts before a 503 or 429 is passed on: about 6 s of waiting in all. */
    private static final int ATTEMPTS = 6;

    private PointInTime() {
    }

    /**
     * @param es        the client
     * @param alias     the alias (or index) to open it over
     * @param keepAlive how long it lives between searches, e.g. {@code 5m}
     * @return its id, or null when the alias does not exist
     * @throws IOException            when Elasticsearch cannot be reached, or is still busy after the retries
     * @throws ElasticsearchException when it refuses
     */
    public static String open(final ElasticsearchClient es, final String alias, final String keepAlive)
        throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                return es.openPointInTime(o -> o.index(alias).keepAlive(k -> k.time(keepAlive))).id();
            } catch (final ElasticsearchException ex) {
                if (ex.status() == 404) {
                    return null;
                }
                if (!busy(ex.status()) || attempt == ATTEMPTS) {
                    throw ex;
                }
            } catch (final IOException ex) {
                // the low-level client reports a 503 it will not parse as an Elasticsearch error this way
                if (!busy(status(ex)) || attempt == ATTEMPTS) {
                    throw ex;
                }
            }
            try {
                Thread.sleep(100L << attempt);
            } catch (final InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for " + alias, interrupted);
            }
        }
    }

    private static boolean busy(final int status) {
        return status == 503 || status == 429;
    }

    /** The HTTP status of a failed request, or -1 when it never got an answer. */
    private static int status(final IOException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ResponseException response) {
                return response.getResponse().getStatusLine().getStatusCode();
            }
        }
        return -1;
    }
}
