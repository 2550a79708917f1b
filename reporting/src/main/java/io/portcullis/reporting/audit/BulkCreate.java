package io.portcullis.reporting.audit;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.util.BinaryData;
import co.elastic.clients.util.ContentType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes audit documents with bulk {@code create} requests, one request in flight, until each document is either
 * created (201) or already there (409: a replay; counted, not an error). Unreachable Elasticsearch, whole-request
 * failures of status 429 or 5xx and items refused with 429 or 5xx are retried with backoff, only the documents still
 * missing; anything else (a document the mapping refuses) is a bug and stops the indexer: the record stays in Kafka.
 * Indexer thread only.
 */
final class BulkCreate {
    private static final Logger LOG = LoggerFactory.getLogger(BulkCreate.class);

    /** Thrown when Elasticsearch refuses a document for good. */
    static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Refused(final String message) {
            super(message);
        }
    }

    private final ElasticsearchClient client;
    private final int bulkDocuments;
    private final Backoff backoff;
    private long created;
    private long alreadyIndexed;

    BulkCreate(final ElasticsearchClient client, final int bulkDocuments, final Backoff backoff) {
        this.client = client;
        this.bulkDocuments = bulkDocuments;
        this.backoff = backoff;
    }

    /** Returns once every document is in Elasticsearch; retries meanwhile. */
    void write(final List<AuditDocument> documents) {
        for (int from = 0; from < documents.size(); from += bulkDocuments) {
            List<AuditDocument> pending = documents.subList(from, Math.min(documents.size(), from + bulkDocuments));
            while (!pending.isEmpty()) {
                pending = attempt(pending);
                if (!pending.isEmpty()) {
                    backoff.pause();
                }
            }
            backoff.reset();
        }
    }

    /** One bulk request; returns the documents to try again. */
    private List<AuditDocument> attempt(final List<AuditDocument> documents) {
        final List<BulkOperation> operations = new ArrayList<>(documents.size());
        for (final AuditDocument doc : documents) {
            // The bytes serialized once while hashing (HashChain#link), passed through as they are.
            final BinaryData json = BinaryData.of(doc.json(), ContentType.APPLICATION_JSON);
            operations.add(BulkOperation.of(o -> o.create(c -> c.index(doc.index()).id(doc.id()).document(json))));
        }
        final BulkResponse response;
        try {
            response = client.bulk(b -> b.operations(operations));
        } catch (final ElasticsearchException ex) {
            if (retryable(ex.status())) {
                LOG.warn("audit bulk of {} documents failed ({}); retrying", documents.size(), ex.getMessage());
                return documents;
            }
            throw new Refused("bulk refused: " + ex.getMessage());
        } catch (final IOException ex) {
            LOG.warn("audit bulk of {} documents failed ({}); retrying", documents.size(), ex.toString());
            return documents;
        }
        final List<AuditDocument> retry = new ArrayList<>();
        final List<BulkResponseItem> items = response.items();
        for (int i = 0; i < items.size(); i++) {
            final BulkResponseItem item = items.get(i);
            if (item.error() == null) {
                created++;
            } else if (item.status() == 409) {
                alreadyIndexed++;
            } else if (retryable(item.status())) {
                retry.add(documents.get(i));
            } else {
                throw new Refused("document " + item.id() + " refused by " + item.index() + ": " + item.status() + " "
                    + item.error().type() + ": " + item.error().reason());
            }
        }
        if (!retry.isEmpty()) {
            LOG.warn("audit bulk: {} of {} documents to retry (first: {})", retry.size(), documents.size(),
                items.stream().filter(i -> i.error() != null && retryable(i.status())).findFirst()
                    .map(i -> i.status() + " " + i.error().reason()).orElse(""));
        }
        return retry;
    }

    private static boolean retryable(final int status) {
        return status == 429 || status >= 500;
    }

    /** Documents created since start. */
    long created() {
        return created;
    }

    /** Documents that were already there (409 on create) since start: replayed journal records. */
    long alreadyIndexed() {
        return alreadyIndexed;
    }
}
