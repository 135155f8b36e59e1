package org.earlyhelp.hub.app.simulation;

import org.earlyhelp.hub.app.config.HubProperties;

/**
 * Where the simulator may run: in the embedded run, or in a demonstration deployment whose every ledger entry is
 * marked as demonstration data. A simulator in a real deployment would post synthetic incidents among real ones and
 * register simulated schools in the real directory, so a hub configured that way refuses to start.
 */
public final class SimulatorPolicy {

    private SimulatorPolicy() {}

    /** @throws IllegalStateException saying how to fix it, when the simulator is on where it must not run */
    public static void check(boolean embeddedRun, HubProperties.Simulator sim) {
        if (sim.enabled() && !embeddedRun && !sim.demonstration()) {
            throw new IllegalStateException("hub.simulator.enabled=true outside the embedded run: the simulator posts"
                    + " synthetic incidents and registers simulated schools, so it runs only in the embedded run or in"
                    + " a demonstration deployment. Set hub.simulator.enabled=false, or start with"
                    + " --spring.profiles.active=demonstration (every ledger entry is then marked demonstration=true)");
        }
    }
}
