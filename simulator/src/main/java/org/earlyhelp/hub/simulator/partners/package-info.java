/**
 * Simulated partner systems drawn from the one synthetic population: each connector says what its partner's system
 * would post ({@link PartnerFeed}), and {@link SimulatedPartners} posts it to the running hub at a steady rate, so the
 * same family appears in several partners' data.
 */
package org.earlyhelp.hub.simulator.partners;
