package io.portcullis.backoffice.batch;

import java.util.List;

/**
 * Extra listeners for the chunk steps of a run, by step name: how tests inject a failure at a given chunk, slow a
 * step down or hold it mid-way. Production runs use {@link #NONE}.
 */
@FunctionalInterface
interface StepHooks {
    /** No extra listeners. */
    StepHooks NONE = step -> List.of();

    /**
     * @param stepName the step being built
     * @return listeners to register on it (e.g. an {@code ItemWriteListener} that throws), never null
     */
    List<Object> listeners(String stepName);
}
