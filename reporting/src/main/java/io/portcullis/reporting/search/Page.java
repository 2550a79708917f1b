package io.portcullis.reporting.search;

import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One page of a search.
 *
 * @param rows the rows, at most the page size (fewer is not the end: only a null {@code next} is)
 * @param next the cursor of the next page (give it back with the same parameters), or null when there is none
 */
public record Page(List<ObjectNode> rows, String next) {
}
