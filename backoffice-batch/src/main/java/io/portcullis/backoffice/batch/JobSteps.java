package io.portcullis.backoffice.batch;

import java.util.Map;

import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.listener.StepListener;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.ChunkOrientedStepBuilder;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemReader;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.batch.infrastructure.item.database.JdbcPagingItemReader;
import org.springframework.batch.infrastructure.item.database.Order;
import org.springframework.batch.infrastructure.item.database.builder.JdbcPagingItemReaderBuilder;
import org.springframework.jdbc.core.RowMapper;

/**
 * How the jobs build their steps, the same way each time: chunk steps with a restartable keyset reader, a fenced
 * writer, progress on standard error and the run's extra hooks; tasklet steps in one fenced transaction.
 */
final class JobSteps {
    private JobSteps() {
    }

    /**
     * A keyset-paged reader over one query: restartable (the last key read is saved in the step's context at each
     * commit, so a restart reads on after it).
     *
     * @param name     the reader's name (its keys in the execution context)
     * @param context  the run
     * @param select   the select clause
     * @param from     the from clause
     * @param where    the where clause, with named parameters
     * @param params   the named parameters
     * @param sortKeys the unique key to page by, in order
     * @param mapper   row to item
     * @param <T>      item type
     * @return the reader
     */
    static <T> JdbcPagingItemReader<T> keysetReader(final String name, final RunContext context, final String select,
                                                    final String from, final String where,
                                                    final Map<String, Object> params,
                                                    final Map<String, Order> sortKeys, final RowMapper<T> mapper) {
        try {
            return new JdbcPagingItemReaderBuilder<T>().name(name).dataSource(context.infrastructure().dataSource())
                .selectClause(select).fromClause(from).whereClause(where).parameterValues(params)
                .sortKeys(sortKeys).rowMapper(mapper).pageSize(context.configuration().chunkSize()).saveState(true)
                .build();
        } catch (final Exception ex) {
            throw new IllegalStateException("cannot build the reader " + name + ": " + ex.getMessage(), ex);
        }
    }

    /**
     * A chunk step: read, process, then check the fence and write, one transaction per chunk.
     *
     * @param <I> read type
     * @param <O> written type
     * @return the step
     */
    static <I, O> Step chunkStep(final String name, final RunContext context, final ItemReader<I> reader,
                                 final ItemProcessor<I, O> processor, final ItemWriter<O> writer) {
        final ChunkOrientedStepBuilder<I, O> builder = new StepBuilder(name, context.infrastructure().jobRepository())
            .<I, O>chunk(context.configuration().chunkSize())
            .transactionManager(context.infrastructure().transactionManager())
            .reader(reader).processor(processor).writer(context.fence().guard(writer))
            .listener(new Progress(context.err()));
        if (writer instanceof StepExecutionListener listener) {
            builder.listener(listener);
        }
        for (final Object hook : context.hooks().listeners(name)) {
            if (hook instanceof StepListener listener) {
                builder.listener(listener);
            } else {
                builder.listener(hook);
            }
        }
        return builder.build();
    }

    /**
     * A tasklet step: the work and the fence check in one transaction.
     *
     * @param name    the step's name
     * @param context the run
     * @param work    the work; it runs before the fence check, inside the transaction
     * @return the step
     */
    static Step taskletStep(final String name, final RunContext context, final Tasklet work) {
        final Tasklet fenced = (contribution, chunkContext) -> {
            context.err().printf("step %s: started%n", name);
            work.execute(contribution, chunkContext);
            context.fence().check();
            context.err().printf("step %s: done, read %,d, written %,d%n", name,
                contribution.getReadCount(), contribution.getWriteCount());
            return org.springframework.batch.infrastructure.repeat.RepeatStatus.FINISHED;
        };
        return new StepBuilder(name, context.infrastructure().jobRepository())
            .tasklet(fenced, context.infrastructure().transactionManager()).build();
    }

    /** A writer that needs to know the run it writes for. */
    abstract static class RunAwareWriter<T> implements ItemWriter<T>, StepExecutionListener {
        private long jobExecutionId;

        @Override
        public void beforeStep(final StepExecution stepExecution) {
            jobExecutionId = stepExecution.getJobExecutionId();
        }

        /** @return the job execution writing */
        long jobExecutionId() {
            return jobExecutionId;
        }
    }
}
