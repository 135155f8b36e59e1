package org.earlyhelp.hub.app.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.earlyhelp.hub.governance.minimise.Pseudonymiser;

/**
 * The pseudonymisation key versions from {@code hub.pseudonymisation.*}: the current one keys every new ledger
 * person key and pseudonym; the others are kept only so a search still finds entries written before a rotation.
 * Every version is checked by {@link KeyMaterial} (outside the embedded run: no development key, random bytes).
 */
public record PseudonymisationKeys(Pseudonymiser current, List<Pseudonymiser> previous) {

    public static PseudonymisationKeys from(HubProperties.Pseudonymisation config, boolean embedded) {
        if (config.keys().isEmpty()) {
            return new PseudonymisationKeys(
                    new Pseudonymiser(KeyMaterial.decode("hub.pseudonymisation.key", config.key(), embedded)),
                    List.of());
        }
        if (config.current() == null || !config.keys().containsKey(config.current())) {
            throw new IllegalStateException("hub.pseudonymisation.current must name one of hub.pseudonymisation.keys "
                    + config.keys().keySet());
        }
        Pseudonymiser current = null;
        List<Pseudonymiser> previous = new ArrayList<>();
        for (Map.Entry<String, String> e : new TreeMap<>(config.keys()).entrySet()) {
            Pseudonymiser p = new Pseudonymiser(
                    KeyMaterial.decode("hub.pseudonymisation.keys." + e.getKey(), e.getValue(), embedded));
            if (e.getKey().equals(config.current())) {
                current = p;
            } else {
                previous.add(p);
            }
        }
        return new PseudonymisationKeys(current, List.copyOf(previous));
    }
}
