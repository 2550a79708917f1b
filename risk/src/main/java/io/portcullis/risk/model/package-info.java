/**
 * The risk limit model shared by the pre-trade checks (on the engine thread) and the risk desk (limits in MySQL,
 * distribution through Redis, the REST API): scopes, limit names with their units and direction, lists, locates,
 * kill switch scopes, and {@link io.portcullis.risk.model.RiskCommandSink}, the one way a change reaches an engine.
 */
package io.portcullis.risk.model;
