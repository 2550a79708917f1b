/**
 * The risk officers' desk: limits with four eyes ({@link io.portcullis.risk.desk.LimitService}), restricted and
 * hard-to-borrow lists, locates and kill switches, held in MySQL (the authority), mirrored in Redis
 * ({@link io.portcullis.risk.desk.LimitDistributor}) and applied to each gateway node's engine in desk-sequence order
 * by its {@link io.portcullis.risk.desk.LimitSync}, through the node's
 * {@link io.portcullis.risk.model.RiskCommandSink}. {@link io.portcullis.risk.desk.RiskDesk} wires one node's desk.
 *
 * <p>Nothing here runs on the order path: the desk's threads are HTTP threads, one sync thread and one scheduler
 * thread per node. The rules (desk sequence, versions, four eyes, Redis layout and fallback) are in the javadoc of
 * {@link io.portcullis.risk.desk.LimitService}, {@link io.portcullis.risk.desk.LimitSync} and
 * {@link io.portcullis.risk.desk.LimitDistributor}, and in docs/adr/010-risk-desk.md.
 */
package io.portcullis.risk.desk;
