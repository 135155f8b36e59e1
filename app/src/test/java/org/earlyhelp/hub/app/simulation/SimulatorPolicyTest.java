package org.earlyhelp.hub.app.simulation;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.earlyhelp.hub.app.config.HubProperties;
import org.junit.jupiter.api.Test;

class SimulatorPolicyTest {

    static HubProperties.Simulator simulator(boolean enabled, boolean demonstration) {
        return new HubProperties.Simulator(enabled, demonstration, 1.0, 10, 1);
    }

    @Test
    void theSimulatorOutsideTheEmbeddedRunRefusesToStartSayingHowToFixIt() {
        assertThatThrownBy(() -> SimulatorPolicy.check(false, simulator(true, false)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("hub.simulator.enabled=false")
                .hasMessageContaining("--spring.profiles.active=demonstration");
    }

    @Test
    void theSimulatorRunsInTheEmbeddedRunOrADemonstration() {
        assertThatCode(() -> SimulatorPolicy.check(true, simulator(true, false)))
                .doesNotThrowAnyException();
        assertThatCode(() -> SimulatorPolicy.check(false, simulator(true, true)))
                .doesNotThrowAnyException();
        assertThatCode(() -> SimulatorPolicy.check(false, simulator(false, false)))
                .doesNotThrowAnyException();
    }
}
