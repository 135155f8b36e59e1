package org.earlyhelp.hub.connector.schools;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.earlyhelp.hub.connector.api.Connector;
import org.earlyhelp.hub.connector.api.PersonLinks;
import org.earlyhelp.hub.connector.api.RecordType;
import org.earlyhelp.hub.connector.schools.schema.ElectiveHomeEducation;
import org.earlyhelp.hub.connector.schools.schema.MissingEducation;
import org.earlyhelp.hub.connector.schools.schema.SchoolExclusion;
import org.earlyhelp.hub.connector.schools.schema.SchoolSuspension;
import org.earlyhelp.hub.governance.flow.Recipient;
import org.earlyhelp.hub.governance.flow.RecipientAddressing;
import org.earlyhelp.hub.governance.relationship.RelationshipAssertion;
import org.earlyhelp.hub.governance.relationship.RelationshipKind;
import org.earlyhelp.hub.governance.relationship.RelationshipRules;
import org.earlyhelp.hub.governance.relationship.RelationshipSource;
import org.earlyhelp.hub.schema.HubRecord;
import org.earlyhelp.hub.schema.Person;
import org.earlyhelp.hub.schema.RecordKind;
import org.earlyhelp.hub.schema.Role;
import org.earlyhelp.hub.schema.SchoolAttendance;

/**
 * Schools and the council's education service, as the hub sees them: attendance and roll records in (from schools,
 * and from the education service, whose roll records corroborate a school's), suspensions and exclusions (Events),
 * children missing education and elective home education (States, from the education service only); disclosures out
 * to the school of each child, or the council's EHE team for a home-educated child. A school's record puts a pupil on
 * its roll only at its own URN; a school's contacts are linked to its pupils.
 */
public final class SchoolsConnector implements Connector {

    public static final String PARTNER = "schools";
    public static final String EDUCATION_SERVICE_KIND = "council";

    /** The organisation whose roll records are authoritative for school rolls. */
    public static final String EDUCATION_SERVICE = "council:education-service";

    /** The relationship a school's contact record asserts between a parent and a pupil. */
    static final String SCHOOL_CONTACT_OF = "SCHOOL_CONTACT_OF";

    /** The record types, as {@code HubRecord.type} carries them (the schemas' {@code hub.type}). */
    public static final String ATTENDANCE = "school-attendance";

    public static final String SUSPENSION = "school-suspension";
    public static final String EXCLUSION = "school-exclusion";
    public static final String MISSING_EDUCATION = "missing-education";
    public static final String HOME_EDUCATION = "elective-home-education";

    /** The address of the council's elective home education team among this connector's recipients. */
    public static final String EHE_TEAM = "ehe-team";

    /**
     * Whether a subject is in elective home education: the register in PostgreSQL, installed by the connector's
     * Spring configuration at start-up (the descriptor itself is made by {@code ServiceLoader} and reaches no bean).
     * Until one is installed (the command line, a unit test of the descriptor) no child is taken to be home educated.
     */
    private static final AtomicReference<HomeEducation> HOME_EDUCATED = new AtomicReference<>(subject -> false);

    /** Asks whether a subject of a disclosure is electively home educated. */
    @FunctionalInterface
    public interface HomeEducation {
        boolean homeEducated(Person subject);
    }

    /** Installs the register the addressing asks (the running hub's, from the connector's configuration). */
    public static void useHomeEducation(HomeEducation register) {
        HOME_EDUCATED.set(java.util.Objects.requireNonNull(register, "register"));
    }

    @Override
    public String partner() {
        return PARTNER;
    }

    @Override
    public Set<String> providers() {
        return Set.of(PARTNER, EDUCATION_SERVICE_KIND);
    }

    @Override
    public List<RecordType> recordTypes() {
        return List.of(
                RecordType.of(SchoolAttendance.getClassSchema(), RecordKind.STATE, PARTNER, EDUCATION_SERVICE_KIND),
                RecordType.of(SchoolSuspension.getClassSchema(), RecordKind.EVENT, PARTNER, EDUCATION_SERVICE_KIND),
                RecordType.of(SchoolExclusion.getClassSchema(), RecordKind.EVENT, PARTNER, EDUCATION_SERVICE_KIND),
                RecordType.of(MissingEducation.getClassSchema(), RecordKind.STATE, EDUCATION_SERVICE_KIND),
                RecordType.of(ElectiveHomeEducation.getClassSchema(), RecordKind.STATE, EDUCATION_SERVICE_KIND));
    }

    /** The education service's termly attendance returns, from the one synthetic population. */
    @Override
    public Optional<org.earlyhelp.hub.simulator.partners.PartnerFeed> simulation() {
        return Optional.of(new SchoolsFeed());
    }

    @Override
    public Optional<Outbound> outbound() {
        return Optional.of(new Outbound(SchoolsConnector::schoolOfChild, SchoolsErrorClassifier.classifier()));
    }

    /**
     * A disclosure about a child goes to the child's school; for a child in elective home education, to the council's
     * EHE team instead (whatever school the sender named); with neither known it is held for review.
     */
    static RecipientAddressing.Addressed schoolOfChild(HubRecord record, Person subject) {
        if (HOME_EDUCATED.get().homeEducated(subject)) {
            return RecipientAddressing.Addressed.to(new Recipient(PARTNER, EHE_TEAM));
        }
        if (subject.getSchoolUrn() == null) {
            return RecipientAddressing.Addressed.review(
                    "no school is known for this child: refer to the education service");
        }
        return RecipientAddressing.Addressed.to(new Recipient(PARTNER, subject.getSchoolUrn()));
    }

    @Override
    public RelationshipSource relationships() {
        return SchoolsConnector::roll;
    }

    @Override
    public Set<RelationshipKind> establishes() {
        return Set.of(RelationshipKind.PUPIL_ON_ROLL, RelationshipKind.ROLL_RECORD);
    }

    /**
     * A school's attendance at its own URN puts the pupil on its roll; the education service's roll record is the
     * authoritative one that corroborates it. A school can never assert a pupil at another URN.
     */
    static List<RelationshipAssertion> roll(HubRecord record, org.apache.avro.generic.GenericRecord payload) {
        if (!(payload instanceof SchoolAttendance a)) {
            return List.of();
        }
        String organisation = record.getProviderOrganisation();
        String orgId = organisation.substring(organisation.indexOf(':') + 1);
        RelationshipKind kind = null;
        if (PARTNER.equals(record.getProvider()) && orgId.equals(a.getSchoolUrn())) {
            kind = RelationshipKind.PUPIL_ON_ROLL;
        } else if (EDUCATION_SERVICE.equals(organisation)) {
            kind = RelationshipKind.ROLL_RECORD;
        }
        List<RelationshipAssertion> out = new ArrayList<>();
        if (kind != null) {
            for (Person p : record.getPeople()) {
                if (a.getPupil().contains(p.getRef())) {
                    out.add(RelationshipRules.assertion(record, kind, p, a.getSchoolUrn(), false));
                }
            }
        }
        return out;
    }

    /** A school holds its pupils on roll; the education service holds the roll records. */
    @Override
    public Set<String> holdersOf(RelationshipKind kind) {
        return switch (kind) {
            case PUPIL_ON_ROLL -> Set.of(PARTNER);
            case ROLL_RECORD -> Set.of(EDUCATION_SERVICE_KIND);
            default -> Set.of();
        };
    }

    @Override
    public PersonLinks personLinks() {
        // a school's contacts for a pupil: each parent in the record is a contact of each child in it
        return (record, payload) -> {
            List<PersonLinks.Link> links = new ArrayList<>();
            for (Person contact : record.getPeople()) {
                if (contact.getRole() == Role.PARENT) {
                    for (Person child : record.getPeople()) {
                        if (child.getRole() == Role.CHILD) {
                            links.add(new PersonLinks.Link(contact.getRef(), child.getRef(), SCHOOL_CONTACT_OF));
                        }
                    }
                }
            }
            return links;
        };
    }

    @Override
    public boolean educationRecords() {
        return true;
    }
}
