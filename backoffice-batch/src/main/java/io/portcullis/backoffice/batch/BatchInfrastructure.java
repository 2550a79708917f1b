package io.portcullis.backoffice.batch;

import javax.sql.DataSource;

import io.portcullis.sql.Database;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.repository.support.JdbcJobRepositoryFactoryBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The Spring Batch infrastructure, wired by hand (no application context, no Spring Boot): a
 * {@link DataSourceTransactionManager} on the project's Hikari pool ({@link Database}) and a JDBC
 * {@link JobRepository} on the tables of migration V5.
 *
 * <p>The repository's database type is set to MYSQL explicitly: on MariaDB Spring Batch would detect MARIADB and
 * expect sequences, while V5 creates MySQL's {@code *_SEQ} tables (the schema works on both servers). Everything the
 * jobs write goes through {@link #jdbc()} on the same pool, so it joins the chunk transaction that also stores the
 * step's progress: a chunk's rows and its restart position commit together.
 *
 * <p>One per process; thread-safe. Closing it closes the pool.
 */
public final class BatchInfrastructure implements AutoCloseable {
    private final Database database;
    private final DataSourceTransactionManager transactionManager;
    private final JobRepository jobRepository;
    private final JdbcTemplate jdbc;

    private BatchInfrastructure(final Database database, final DataSourceTransactionManager transactionManager,
                                final JobRepository jobRepository) {
        this.database = database;
        this.transactionManager = transactionManager;
        this.jobRepository = jobRepository;
        this.jdbc = new JdbcTemplate(database.dataSource());
    }

    /**
     * Wires the repository on an open database, whose schema must be migrated.
     *
     * @param database the book-of-record database; closed by {@link #close()}
     * @return the infrastructure, never null
     */
    public static BatchInfrastructure on(final Database database) {
        final DataSource dataSource = database.dataSource();
        final DataSourceTransactionManager transactionManager = new DataSourceTransactionManager(dataSource);
        final JdbcJobRepositoryFactoryBean factory = new JdbcJobRepositoryFactoryBean();
        factory.setDataSource(dataSource);
        factory.setTransactionManager(transactionManager);
        factory.setDatabaseType("MYSQL");
        try {
            factory.afterPropertiesSet();
            return new BatchInfrastructure(database, transactionManager, factory.getObject());
        } catch (final Exception ex) {
            throw new IllegalStateException("cannot set up the Spring Batch job repository: " + ex.getMessage(), ex);
        }
    }

    /** @return the job repository in MySQL */
    public JobRepository jobRepository() {
        return jobRepository;
    }

    /** @return the transaction manager of the pool */
    public PlatformTransactionManager transactionManager() {
        return transactionManager;
    }

    /** @return a new transaction template on the pool */
    public TransactionTemplate transactions() {
        return new TransactionTemplate(transactionManager);
    }

    /** @return JDBC on the pool, joining the current Spring transaction when there is one */
    public JdbcTemplate jdbc() {
        return jdbc;
    }

    /** @return the pool */
    public DataSource dataSource() {
        return database.dataSource();
    }

    /** @return the database */
    public Database database() {
        return database;
    }

    @Override
    public void close() {
        database.close();
    }
}
