package org.earlyhelp.hub.connector.housing;

import java.util.Locale;
import java.util.Optional;
import org.earlyhelp.hub.schema.RecordKind;

/**
 * The six housing record types: the path they are posted to ({@code /api/housing/<plural>}), the name a CSV row
 * gives in {@code record_type}, the registered type, its kind, the request shape and the key the fact sits under.
 */
enum HousingRecordType {
    TENANCY("tenancies", "housing-tenancy", RecordKind.INVOLVEMENT, HousingRequests.Tenancies.class, "tenancy"),
    RENT_ARREARS(
            "rent-arrears", "housing-rent-arrears", RecordKind.STATE, HousingRequests.RentArrears.class, "arrears"),
    NOTICE("notices", "housing-notice", RecordKind.EVENT, HousingRequests.Notices.class, "notice"),
    EVICTION("evictions", "housing-eviction", RecordKind.EVENT, HousingRequests.Evictions.class, "eviction"),
    HOMELESSNESS_APPLICATION(
            "homelessness-applications",
            "housing-homelessness-application",
            RecordKind.INVOLVEMENT,
            HousingRequests.HomelessnessApplications.class,
            "application"),
    TEMPORARY_ACCOMMODATION(
            "temporary-accommodations",
            "housing-temporary-accommodation",
            RecordKind.STATE,
            HousingRequests.TemporaryAccommodations.class,
            "placement");

    private final String plural;
    private final String type;
    private final RecordKind kind;
    private final Class<? extends HousingRequests.Request> request;
    private final String bodyKey;

    HousingRecordType(
            String plural,
            String type,
            RecordKind kind,
            Class<? extends HousingRequests.Request> request,
            String bodyKey) {
        this.plural = plural;
        this.type = type;
        this.kind = kind;
        this.request = request;
        this.bodyKey = bodyKey;
    }

    String plural() {
        return plural;
    }

    /** The registered payload type, e.g. {@code housing-tenancy}. */
    String type() {
        return type;
    }

    RecordKind kind() {
        return kind;
    }

    Class<? extends HousingRequests.Request> request() {
        return request;
    }

    /** Where the fact sits in the JSON body, e.g. {@code tenancy}. */
    String bodyKey() {
        return bodyKey;
    }

    /** The name in a CSV file's {@code record_type} column: {@code tenancy}, {@code rent-arrears}, ... */
    String csvName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static Optional<HousingRecordType> ofPlural(String plural) {
        for (HousingRecordType t : values()) {
            if (t.plural.equals(plural)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** A CSV row's type, read as tolerantly as the rest of the row (case, spaces, '_' for '-'). */
    static Optional<HousingRecordType> ofCsvName(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-');
        for (HousingRecordType t : values()) {
            if (t.csvName().equals(n)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
