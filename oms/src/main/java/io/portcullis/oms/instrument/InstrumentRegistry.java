package io.portcullis.oms.instrument;

import io.portcullis.oms.domain.Instrument;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable, ordered set of instruments with a dense index per symbol (the engine uses the index for
 * array lookups). Thread-safe once built; lookups do not allocate.
 */
public final class InstrumentRegistry {

    private final List<Instrument> instruments;
    private final Map<String, Integer> indexBySymbol;

    private InstrumentRegistry(final List<Instrument> instruments, final Map<String, Integer> indexBySymbol) {
        this.instruments = instruments;
        this.indexBySymbol = indexBySymbol;
    }

    /**
     * Builds a registry. Configuration time; allocates.
     *
     * @param instruments the instruments, in the order that defines their index; non-null
     * @return the registry
     * @throws IllegalArgumentException when a symbol appears twice
     */
    public static InstrumentRegistry of(final List<Instrument> instruments) {
        final Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < instruments.size(); i++) {
            final String symbol = instruments.get(i).symbol();
            if (index.putIfAbsent(symbol, i) != null) {
                throw new IllegalArgumentException("duplicate symbol " + symbol);
            }
        }
        return new InstrumentRegistry(List.copyOf(instruments), Map.copyOf(index));
    }

    /** @return the instruments in index order; unmodifiable */
    public List<Instrument> instruments() {
        return instruments;
    }

    /** @return number of instruments */
    public int size() {
        return instruments.size();
    }

    /**
     * @param symbol a symbol, may be null
     * @return the instrument, or null when unknown
     */
    public Instrument find(final String symbol) {
        final int index = indexOf(symbol);
        return index < 0 ? null : instruments.get(index);
    }

    /**
     * @param symbol a symbol, may be null
     * @return its dense index, or -1 when unknown
     */
    public int indexOf(final String symbol) {
        if (symbol == null) {
            return -1;
        }
        final Integer index = indexBySymbol.get(symbol);
        return index == null ? -1 : index;
    }
}
