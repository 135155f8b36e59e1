package org.earlyhelp.hub.connector.housing;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.earlyhelp.hub.connector.api.FieldError;
import org.earlyhelp.hub.connector.housing.schema.HousingAccommodationType;
import org.earlyhelp.hub.connector.housing.schema.HousingApplicationStatus;
import org.earlyhelp.hub.connector.housing.schema.HousingArrearsBand;
import org.earlyhelp.hub.connector.housing.schema.HousingDuty;
import org.earlyhelp.hub.connector.housing.schema.HousingEviction;
import org.earlyhelp.hub.connector.housing.schema.HousingEvictionStatus;
import org.earlyhelp.hub.connector.housing.schema.HousingHomelessnessApplication;
import org.earlyhelp.hub.connector.housing.schema.HousingNotice;
import org.earlyhelp.hub.connector.housing.schema.HousingNoticeType;
import org.earlyhelp.hub.connector.housing.schema.HousingRentArrears;
import org.earlyhelp.hub.connector.housing.schema.HousingTemporaryAccommodation;
import org.earlyhelp.hub.connector.housing.schema.HousingTenancy;
import org.earlyhelp.hub.connector.housing.schema.HousingTenure;

/** The six housing facts as the partner sends them; each maps to its registered payload. */
final class HousingFacts {

    static final String REFERENCE = "[A-Za-z0-9][A-Za-z0-9/._-]{0,63}";
    static final String REFERENCE_RULE = "must be 1 to 64 letters, digits, '/', '.', '_' or '-'";
    static final String UPRN = "[0-9]{1,12}";
    static final String UPRN_RULE = "must be a UPRN of 1 to 12 digits";

    private HousingFacts() {}

    record Tenancy(
            @NotNull @Pattern(regexp = REFERENCE, message = REFERENCE_RULE) String reference,
            @NotNull @Pattern(regexp = UPRN, message = UPRN_RULE) String uprn,
            @NotNull @PastOrPresent LocalDate startDate,
            LocalDate endDate,
            @NotNull
                    @Pattern(
                            regexp = "SECURE|INTRODUCTORY|FLEXIBLE|ASSURED|ASSURED_SHORTHOLD|STARTER|LICENCE|OTHER",
                            message = "must be SECURE, INTRODUCTORY, FLEXIBLE, ASSURED, ASSURED_SHORTHOLD, STARTER,"
                                    + " LICENCE or OTHER")
                    String tenure,
            @NotBlank
                    @Pattern(
                            regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}",
                            message = "must be the landlord's organisation id (letters, digits, '.', '_', '-')")
                    String provider,
            @Size(max = 4000) String notes)
            implements HousingFact {

        public boolean residence() {
            return true;
        }

        public SpecificRecord toAvro() {
            return HousingTenancy.newBuilder()
                    .setReference(reference)
                    .setUprn(uprn)
                    .setStartDate(startDate)
                    .setEndDate(endDate)
                    .setTenure(HousingTenure.valueOf(tenure))
                    .setProvider(provider)
                    .setNotes(notes)
                    .build();
        }

        public String discriminator() {
            return endDate == null ? "open" : "ended-" + endDate;
        }

        public LocalDate asOf() {
            return endDate != null && !endDate.isAfter(LocalDate.now()) ? endDate : startDate;
        }

        public List<FieldError> problems(String path) {
            List<FieldError> out = HousingFact.none();
            HousingFact.order(out, path, "startDate", startDate, "endDate", endDate);
            return out;
        }
    }

    record RentArrears(
            @NotNull @Pattern(regexp = REFERENCE, message = REFERENCE_RULE) String reference,
            @NotNull @Pattern(regexp = UPRN, message = UPRN_RULE) String uprn,
            @NotNull @PastOrPresent LocalDate asOf,
            @Min(0) @Max(520) Integer weeks,
            @Pattern(
                            regexp = "UNDER_250|FROM_250_TO_500|FROM_500_TO_1000|FROM_1000_TO_2500|OVER_2500",
                            message = "must be UNDER_250, FROM_250_TO_500, FROM_500_TO_1000, FROM_1000_TO_2500 or"
                                    + " OVER_2500")
                    String amountBand,
            @NotNull Boolean noticeAttached,
            @Size(max = 4000) String notes)
            implements HousingFact {

        public boolean residence() {
            return true;
        }

        public SpecificRecord toAvro() {
            return HousingRentArrears.newBuilder()
                    .setReference(reference)
                    .setUprn(uprn)
                    .setAsOf(asOf)
                    .setWeeks(weeks)
                    .setAmountBand(amountBand == null ? null : HousingArrearsBand.valueOf(amountBand))
                    .setNoticeAttached(noticeAttached)
                    .setNotes(notes)
                    .build();
        }

        public String discriminator() {
            return "as-of-" + asOf;
        }

        public List<FieldError> problems(String path) {
            List<FieldError> out = HousingFact.none();
            HousingFact.plausible(out, path, "asOf", asOf);
            if (weeks == null && amountBand == null) {
                out.add(new FieldError(path + ".weeks", "weeks or amountBand is required"));
            }
            return out;
        }
    }

    record Notice(
            @NotNull @Pattern(regexp = REFERENCE, message = REFERENCE_RULE) String reference,
            @NotNull @Pattern(regexp = UPRN, message = UPRN_RULE) String uprn,
            @NotNull @Pattern(regexp = "SECTION_21|SECTION_8", message = "must be SECTION_21 or SECTION_8")
                    String noticeType,
            @NotNull @PastOrPresent LocalDate servedOn,
            @NotNull LocalDate expiresOn,
            @Size(max = 4000) String notes)
            implements HousingFact {

        public boolean residence() {
            return true;
        }

        public SpecificRecord toAvro() {
            return HousingNotice.newBuilder()
                    .setReference(reference)
                    .setUprn(uprn)
                    .setNoticeType(HousingNoticeType.valueOf(noticeType))
                    .setServedOn(servedOn)
                    .setExpiresOn(expiresOn)
                    .setNotes(notes)
                    .build();
        }

        public String discriminator() {
            return "served-" + servedOn;
        }

        public LocalDate asOf() {
            return servedOn;
        }

        public List<FieldError> problems(String path) {
            List<FieldError> out = HousingFact.none();
            HousingFact.order(out, path, "servedOn", servedOn, "expiresOn", expiresOn);
            return out;
        }
    }

    record Eviction(
            @NotNull @Pattern(regexp = REFERENCE, message = REFERENCE_RULE) String reference,
            @NotNull @Pattern(regexp = UPRN, message = UPRN_RULE) String uprn,
            @NotNull LocalDate evictionDate,
            @NotNull
                    @Pattern(
                            regexp = "SCHEDULED|CARRIED_OUT|CANCELLED",
                            message = "must be SCHEDULED, CARRIED_OUT or CANCELLED")
                    String status,
            @Size(max = 4000) String notes)
            implements HousingFact {

        public boolean residence() {
            return true;
        }

        public SpecificRecord toAvro() {
            return HousingEviction.newBuilder()
                    .setReference(reference)
                    .setUprn(uprn)
                    .setEvictionDate(evictionDate)
                    .setStatus(HousingEvictionStatus.valueOf(status))
                    .setNotes(notes)
                    .build();
        }

        public String discriminator() {
            return status + "-" + evictionDate;
        }

        public LocalDate asOf() {
            return evictionDate.isAfter(LocalDate.now()) ? LocalDate.now() : evictionDate;
        }

        public List<FieldError> problems(String path) {
            List<FieldError> out = HousingFact.none();
            HousingFact.plausible(out, path, "evictionDate", evictionDate);
            if ("CARRIED_OUT".equals(status) && evictionDate != null && evictionDate.isAfter(LocalDate.now())) {
                out.add(new FieldError(path + ".evictionDate", "must not be in the future for CARRIED_OUT"));
            }
            return out;
        }
    }

    record HomelessnessApplication(
            @NotNull @Pattern(regexp = REFERENCE, message = REFERENCE_RULE) String reference,
            @Pattern(regexp = UPRN, message = UPRN_RULE) String uprn,
            @NotNull @PastOrPresent LocalDate appliedOn,
            @NotNull @Pattern(regexp = "PREVENTION|RELIEF|MAIN", message = "must be PREVENTION, RELIEF or MAIN")
                    String duty,
            @NotNull @Pattern(regexp = "ASSESSING|OWED|ENDED", message = "must be ASSESSING, OWED or ENDED")
                    String status,
            @Size(max = 4000) String notes)
            implements HousingFact {

        public boolean residence() {
            return false; // the last settled address, not where the household is now
        }

        public SpecificRecord toAvro() {
            return HousingHomelessnessApplication.newBuilder()
                    .setReference(reference)
                    .setUprn(uprn)
                    .setAppliedOn(appliedOn)
                    .setDuty(HousingDuty.valueOf(duty))
                    .setStatus(HousingApplicationStatus.valueOf(status))
                    .setNotes(notes)
                    .build();
        }

        public String discriminator() {
            return duty + "-" + status;
        }

        public LocalDate asOf() {
            return appliedOn;
        }

        public List<FieldError> problems(String path) {
            List<FieldError> out = HousingFact.none();
            HousingFact.plausible(out, path, "appliedOn", appliedOn);
            return out;
        }
    }

    record TemporaryAccommodation(
            @NotNull @Pattern(regexp = REFERENCE, message = REFERENCE_RULE) String reference,
            @NotNull @Pattern(regexp = UPRN, message = UPRN_RULE) String uprn,
            @NotNull @PastOrPresent LocalDate since,
            @NotNull
                    @Pattern(
                            regexp = "BED_AND_BREAKFAST|HOSTEL|NIGHTLY_PAID|PRIVATE_SECTOR_LEASED|COUNCIL_STOCK|REFUGE"
                                    + "|OTHER",
                            message = "must be BED_AND_BREAKFAST, HOSTEL, NIGHTLY_PAID, PRIVATE_SECTOR_LEASED,"
                                    + " COUNCIL_STOCK, REFUGE or OTHER")
                    String accommodationType,
            @NotNull Boolean outOfArea,
            @Size(max = 4000) String notes)
            implements HousingFact {

        public boolean residence() {
            return true;
        }

        public SpecificRecord toAvro() {
            return HousingTemporaryAccommodation.newBuilder()
                    .setReference(reference)
                    .setUprn(uprn)
                    .setSince(since)
                    .setAccommodationType(HousingAccommodationType.valueOf(accommodationType))
                    .setOutOfArea(outOfArea)
                    .setNotes(notes)
                    .build();
        }

        public String discriminator() {
            return "since-" + since;
        }

        public LocalDate asOf() {
            return since;
        }

        public List<FieldError> problems(String path) {
            List<FieldError> out = HousingFact.none();
            HousingFact.plausible(out, path, "since", since);
            return out;
        }
    }
}
