package org.earlyhelp.hub.connector.police;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ServiceLoader;
import org.earlyhelp.hub.connector.api.Connector;
import org.earlyhelp.hub.connector.api.RecordType;
import org.earlyhelp.hub.schema.RecordKind;
import org.junit.jupiter.api.Test;

class PoliceConnectorTest {

    @Test
    void theHubFindsThePoliceConnectorWithItsFourEventTypesAndNoOutbound() {
        // Given the connectors on the classpath, as Connectors.discover() finds them
        Connector police = ServiceLoader.load(Connector.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(c -> c.partner().equals("police"))
                .findFirst()
                .orElseThrow();

        // Then it brings in the four police types under the names and prefixes agreements use, and sends nothing
        assertThat(police.providers()).containsExactly("police");
        assertThat(police.recordTypes())
                .extracting(RecordType::type)
                .containsExactly(
                        "domestic-abuse-incident", "missing-episode", "anti-social-behaviour", "youth-offending");
        assertThat(police.recordTypes())
                .extracting(t -> t.payload().prefix())
                .containsExactly("incident", "missing", "asb", "youth");
        assertThat(police.recordTypes()).allMatch(t -> t.kind() == RecordKind.EVENT);
        assertThat(police.outbound()).isEmpty();
        // And each new payload names the field that holds its subjects, for per-child flags
        assertThat(police.recordTypes().subList(1, 4)).allMatch(t -> t.payload().schema().getFields().stream()
                .anyMatch(f -> f.getProp("hub.subjectField") != null));
    }
}
