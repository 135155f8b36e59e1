/**
 * Partner extracts with realistic recording errors and ground truth, for measuring the matcher: one CSV per partner
 * from a synthetic population, and a streamed file of a million person records.
 */
package org.earlyhelp.hub.simulator.extracts;
