package org.earlyhelp.hub.governance.agreement;

import java.util.Objects;
import java.util.Set;

/** The partners and purposes that agreements may name, from {@code agreements/registry.yaml}. */
public record PartnerRegistry(Set<String> partners, Set<String> purposes) {

    public PartnerRegistry {
        partners = Set.copyOf(Objects.requireNonNull(partners, "partners"));
        purposes = Set.copyOf(Objects.requireNonNull(purposes, "purposes"));
    }
}
