package org.earlyhelp.hub.simulator.extracts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UpnsTest {

    @Test
    void agreesWithTheDfeWorkedExample() {
        assertThat(Upns.valid("B801200005001")).isTrue();
        assertThat(Upns.valid("A801200005001")).isFalse();
    }

    @Test
    void generatedUpnsCarryTheirCheckLetter() {
        for (int serial = 1; serial < 500; serial++) {
            String upn = Upns.upn(Upns.DERBYSHIRE, "100014", 2019, serial);
            assertThat(upn).matches("[A-Z]830001419[0-9]{3}");
            assertThat(Upns.valid(upn)).as(upn).isTrue();
        }
    }
}
