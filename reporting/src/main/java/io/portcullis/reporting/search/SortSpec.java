package io.portcullis.reporting.search;

/**
 * A validated sort: the name the caller used, the document field it sorts on, and the direction.
 *
 * @param name       as in the {@code sort} parameter, e.g. {@code price}
 * @param field      the indexed field, e.g. {@code lastPx}
 * @param descending true for {@code order=desc}
 */
record SortSpec(String name, String field, boolean descending) {
}
