package io.portcullis.oms.instrument;

import io.portcullis.oms.domain.Instrument;

import java.util.List;

/**
 * What an instrument file yielded: the good rows and every problem found. A file with any error should not
 * be used. Immutable.
 *
 * @param instruments the rows that parsed, in file order
 * @param errors      every problem, in file order; empty when the file is good
 */
public record InstrumentLoadResult(List<Instrument> instruments, List<LoadError> errors) {

    /** Copies the lists. */
    public InstrumentLoadResult {
        instruments = List.copyOf(instruments);
        errors = List.copyOf(errors);
    }

    /** @return true when the file had no problem */
    public boolean isOk() {
        return errors.isEmpty();
    }

    /**
     * @return a registry of the instruments
     * @throws IllegalStateException when the file had problems (the message lists them)
     */
    public InstrumentRegistry toRegistry() {
        if (!isOk()) {
            throw new IllegalStateException("instrument file has errors:\n" + String.join("\n",
                errors.stream().map(LoadError::toString).toList()));
        }
        return InstrumentRegistry.of(instruments);
    }
}
