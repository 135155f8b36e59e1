package org.earlyhelp.hub.connector.housing;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.earlyhelp.hub.connector.api.inbound.PersonInput;
import org.earlyhelp.hub.connector.api.inbound.WithheldInput;

/**
 * The JSON bodies housing posts, one per record type: the people the record is about (the hub's shared {@link
 * PersonInput}) and the fact, under the type's own key ({@code "tenancy": {...}}). A CSV row is read into the same
 * shapes, so both formats pass the same checks.
 */
final class HousingRequests {

    private HousingRequests() {}

    /** A body of any housing type. */
    sealed interface Request
            permits Tenancies, RentArrears, Notices, Evictions, HomelessnessApplications, TemporaryAccommodations {
        List<PersonInput> people();

        HousingFact fact();

        /** What the provider withholds as more detrimental to the child (none when absent). */
        List<WithheldInput> withheld();
    }

    record Tenancies(
            @NotEmpty @Size(max = 30) List<@NotNull @Valid PersonInput> people,
            @NotNull @Valid HousingFacts.Tenancy tenancy,
            @Size(max = 20) List<@NotNull @Valid WithheldInput> withheld)
            implements Request {
        public HousingFact fact() {
            return tenancy;
        }
    }

    record RentArrears(
            @NotEmpty @Size(max = 30) List<@NotNull @Valid PersonInput> people,
            @NotNull @Valid HousingFacts.RentArrears arrears,
            @Size(max = 20) List<@NotNull @Valid WithheldInput> withheld)
            implements Request {
        public HousingFact fact() {
            return arrears;
        }
    }

    record Notices(
            @NotEmpty @Size(max = 30) List<@NotNull @Valid PersonInput> people,
            @NotNull @Valid HousingFacts.Notice notice,
            @Size(max = 20) List<@NotNull @Valid WithheldInput> withheld)
            implements Request {
        public HousingFact fact() {
            return notice;
        }
    }

    record Evictions(
            @NotEmpty @Size(max = 30) List<@NotNull @Valid PersonInput> people,
            @NotNull @Valid HousingFacts.Eviction eviction,
            @Size(max = 20) List<@NotNull @Valid WithheldInput> withheld)
            implements Request {
        public HousingFact fact() {
            return eviction;
        }
    }

    record HomelessnessApplications(
            @NotEmpty @Size(max = 30) List<@NotNull @Valid PersonInput> people,
            @NotNull @Valid HousingFacts.HomelessnessApplication application,
            @Size(max = 20) List<@NotNull @Valid WithheldInput> withheld)
            implements Request {
        public HousingFact fact() {
            return application;
        }
    }

    record TemporaryAccommodations(
            @NotEmpty @Size(max = 30) List<@NotNull @Valid PersonInput> people,
            @NotNull @Valid HousingFacts.TemporaryAccommodation placement,
            @Size(max = 20) List<@NotNull @Valid WithheldInput> withheld)
            implements Request {
        public HousingFact fact() {
            return placement;
        }
    }
}
