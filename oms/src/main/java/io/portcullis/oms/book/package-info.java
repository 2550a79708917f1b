/**
 * Order books: per symbol, two {@link io.portcullis.oms.book.BookSide}s of
 * {@link io.portcullis.oms.book.PriceLevel}s held in sorted arrays (binary search, best level at the end so
 * the busy end moves nothing), each level an intrusive doubly-linked FIFO of
 * {@link io.portcullis.oms.book.Order}s. Everything here is owned by the engine thread, is not thread-safe,
 * and does not allocate in steady state (levels are pooled; arrays grow by doubling only when a side holds
 * more levels than ever before).
 */
package io.portcullis.oms.book;
