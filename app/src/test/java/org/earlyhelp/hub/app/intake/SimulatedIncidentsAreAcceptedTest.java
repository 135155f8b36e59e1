package org.earlyhelp.hub.app.intake;

import static org.assertj.core.api.Assertions.assertThatCode;

import jakarta.validation.Validation;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import org.earlyhelp.hub.connector.police.PoliceIncidentReader;
import org.earlyhelp.hub.simulator.police.PoliceIncidentGenerator;
import org.earlyhelp.hub.simulator.population.SyntheticPopulation;
import org.junit.jupiter.api.Test;

/** The simulated police force is a well-behaved partner: the strict reader takes every incident it posts. */
class SimulatedIncidentsAreAcceptedTest {

    @Test
    void everySimulatedIncidentPassesTheStrictReader() {
        // Given the simulator's population and incident generator, as the demo and benchmarks run them
        Clock clock = Clock.systemUTC();
        PoliceIncidentGenerator generator =
                new PoliceIncidentGenerator(SyntheticPopulation.generate(42L, 400, LocalDate.now(clock)), 7L, clock);
        PoliceIncidentReader reader = new PoliceIncidentReader(
                Validation.buildDefaultValidatorFactory().getValidator(), clock);
        for (int i = 0; i < 2_000; i++) {
            String body = generator.next().json();
            // When the hub reads it, then it is accepted
            assertThatCode(() -> reader.read(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))))
                    .as(body)
                    .doesNotThrowAnyException();
        }
    }
}
