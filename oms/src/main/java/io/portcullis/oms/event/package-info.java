/**
 * The engine's output: the {@link io.portcullis.oms.event.EngineListener} callbacks (execution reports,
 * cancel rejects, trades, top of book, depth by level, daily statistics, positions, mass action and
 * instrument status reports) and a recording listener that turns them into records for tests and tools.
 *
 * <p>Callbacks carry primitives, enums, {@code CharSequence}s owned by the engine and reusable flyweight views,
 * so a journal encoder can write them without producing garbage. A view or sequence is valid only during the
 * callback: copy what you keep.
 */
package io.portcullis.oms.event;
