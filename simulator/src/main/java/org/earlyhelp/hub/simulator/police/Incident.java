package org.earlyhelp.hub.simulator.police;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.earlyhelp.hub.simulator.population.Address;
import org.earlyhelp.hub.simulator.population.Family;
import org.earlyhelp.hub.simulator.population.Member;

/**
 * A domestic abuse incident with its ground truth: the family it happened in and which children were present.
 * {@link #json()} gives the body the police system posts to the hub.
 *
 * @param reference the police reference, {@code DA/<year>/<6 digits>}
 * @param occurredAt when the incident happened
 * @param place where it happened
 * @param riskLevel the officer's risk grading
 * @param officerNotes the officer's free text; it names nobody
 * @param family the family the incident happened in (ground truth)
 * @param people everyone in the incident, children first
 */
public record Incident(
        String reference,
        Instant occurredAt,
        Address place,
        RiskLevel riskLevel,
        String officerNotes,
        Family family,
        List<Involved> people) {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    public Incident {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(place, "place");
        Objects.requireNonNull(riskLevel, "riskLevel");
        Objects.requireNonNull(family, "family");
        people = List.copyOf(people);
    }

    /**
     * One person in the incident.
     *
     * @param ref the incident-local reference, such as {@code c1}, {@code a1} or {@code p1}
     * @param role the person's part in the incident
     * @param member who the person really is; a perpetrator from outside the household is not in {@link #family()}
     * @param present for children, whether they were present; {@code null} for adults
     */
    public record Involved(String ref, IncidentRole role, Member member, Boolean present) {

        public Involved {
            Objects.requireNonNull(ref, "ref");
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(member, "member");
        }
    }

    /** All the children of the family, whether present or not. */
    public List<Member> children() {
        return people.stream()
                .filter(p -> p.role() == IncidentRole.CHILD)
                .map(Involved::member)
                .toList();
    }

    /** The children who were present (ground truth; always at least one). */
    public List<Member> childrenPresent() {
        return people.stream()
                .filter(p -> p.role() == IncidentRole.CHILD && Boolean.TRUE.equals(p.present()))
                .map(Involved::member)
                .toList();
    }

    public Member victim() {
        return only(IncidentRole.ADULT_VICTIM);
    }

    public Member perpetrator() {
        return only(IncidentRole.PERPETRATOR);
    }

    private Member only(IncidentRole role) {
        return people.stream()
                .filter(p -> p.role() == role)
                .map(Involved::member)
                .findFirst()
                .orElseThrow();
    }

    /** The JSON body as the police system posts it to {@code POST /api/police/incidents}. */
    public String json() {
        try {
            return MAPPER.writeValueAsString(toWire());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write incident " + reference, e);
        }
    }

    private WireIncident toWire() {
        WireAddress home = WireAddress.of(family.address());
        List<WirePerson> wirePeople = people.stream()
                .map(p -> {
                    Member m = p.member();
                    boolean child = p.role() == IncidentRole.CHILD;
                    return new WirePerson(
                            p.ref(),
                            p.role().name(),
                            m.givenName(),
                            m.familyName(),
                            m.dateOfBirth(),
                            m.sex().name(),
                            child ? m.nhsNumber() : null,
                            child ? home : null,
                            child ? m.schoolUrn() : null,
                            child ? p.present() : null);
                })
                .toList();
        return new WireIncident(
                reference, occurredAt, WireAddress.of(place), riskLevel.name(), officerNotes, wirePeople);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"reference", "occurredAt", "place", "riskLevel", "officerNotes", "people"})
    record WireIncident(
            String reference,
            Instant occurredAt,
            WireAddress place,
            String riskLevel,
            String officerNotes,
            List<WirePerson> people) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"lines", "postcode", "uprn"})
    record WireAddress(List<String> lines, String postcode, String uprn) {
        static WireAddress of(Address a) {
            return new WireAddress(a.lines(), a.postcode(), a.uprn());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({
        "ref",
        "role",
        "givenName",
        "familyName",
        "dateOfBirth",
        "sex",
        "nhsNumber",
        "address",
        "schoolUrn",
        "present"
    })
    record WirePerson(
            String ref,
            String role,
            String givenName,
            String familyName,
            LocalDate dateOfBirth,
            String sex,
            String nhsNumber,
            WireAddress address,
            String schoolUrn,
            Boolean present) {}
}
