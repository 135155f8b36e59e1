package org.earlyhelp.hub.governance.consent;

import java.util.Locale;
import java.util.Optional;

/** On whose say the consent rests: the young person, someone with parental responsibility, or Gillick competence. */
public enum ConsentBasis {
    YOUNG_PERSON,
    PARENTAL_RESPONSIBILITY,
    GILLICK_COMPETENT;

    public String yamlName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<ConsentBasis> fromYaml(String name) {
        for (ConsentBasis b : values()) {
            if (b.yamlName().equals(name)) {
                return Optional.of(b);
            }
        }
        return Optional.empty();
    }
}
