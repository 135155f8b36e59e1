package org.earlyhelp.hub.connector.housing;

import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.avro.generic.GenericRecord;
import org.earlyhelp.hub.connector.api.Connector;
import org.earlyhelp.hub.connector.api.ConnectorSettings;
import org.earlyhelp.hub.connector.api.PersonLinks;
import org.earlyhelp.hub.connector.api.RecordType;
import org.earlyhelp.hub.connector.api.batch.FailureClassifier;
import org.earlyhelp.hub.connector.housing.schema.HousingEviction;
import org.earlyhelp.hub.connector.housing.schema.HousingHomelessnessApplication;
import org.earlyhelp.hub.connector.housing.schema.HousingNotice;
import org.earlyhelp.hub.connector.housing.schema.HousingRentArrears;
import org.earlyhelp.hub.connector.housing.schema.HousingTemporaryAccommodation;
import org.earlyhelp.hub.connector.housing.schema.HousingTenancy;
import org.earlyhelp.hub.governance.flow.RecipientAddressing;
import org.earlyhelp.hub.governance.relationship.RelationshipAssertion;
import org.earlyhelp.hub.governance.relationship.RelationshipKind;
import org.earlyhelp.hub.governance.relationship.RelationshipRules;
import org.earlyhelp.hub.governance.relationship.RelationshipSource;
import org.earlyhelp.hub.schema.HubRecord;
import org.earlyhelp.hub.schema.Person;
import org.earlyhelp.hub.schema.RecordKind;
import org.earlyhelp.hub.schema.Role;
import org.earlyhelp.hub.simulator.partners.PartnerFeed;

/**
 * Housing (the council's housing options service and registered providers) as the hub sees it: six record types in,
 * keyed by UPRN; an open tenancy with the sender's own organisation as landlord establishes the tenancy relationship
 * and an ended one closes it; notifications out to the partner as a whole, at one configured webhook. Without {@link
 * #WEBHOOK_SETTING} it declares no outbound, so nothing is addressed to a partner nobody delivers to.
 */
public final class HousingConnector implements Connector {

    public static final String PARTNER = "housing";

    /** The setting naming the one webhook housing receives notifications at. */
    public static final String WEBHOOK_SETTING = "hub.connectors.housing.webhook-url";

    /** The link housing asserts between a tenant or applicant and a child of the household. */
    static final String HOUSEHOLD_OF = "HOUSING_HOUSEHOLD_OF";

    private final boolean delivering;

    /** Unconfigured: no outbound (what {@link java.util.ServiceLoader} makes). */
    public HousingConnector() {
        this(false);
    }

    private HousingConnector(boolean delivering) {
        this.delivering = delivering;
    }

    @Override
    public Connector configured(ConnectorSettings settings) {
        Optional<String> webhook = settings.get(WEBHOOK_SETTING).filter(s -> !s.isBlank());
        webhook.ifPresent(url -> HousingConnectorProperties.checkWebhook(URI.create(url.strip())));
        return new HousingConnector(webhook.isPresent());
    }

    @Override
    public String partner() {
        return PARTNER;
    }

    @Override
    public List<RecordType> recordTypes() {
        return List.of(
                RecordType.of(HousingTenancy.getClassSchema(), RecordKind.INVOLVEMENT, PARTNER),
                RecordType.of(HousingRentArrears.getClassSchema(), RecordKind.STATE, PARTNER),
                RecordType.of(HousingNotice.getClassSchema(), RecordKind.EVENT, PARTNER),
                RecordType.of(HousingEviction.getClassSchema(), RecordKind.EVENT, PARTNER),
                RecordType.of(HousingHomelessnessApplication.getClassSchema(), RecordKind.INVOLVEMENT, PARTNER),
                RecordType.of(HousingTemporaryAccommodation.getClassSchema(), RecordKind.STATE, PARTNER));
    }

    @Override
    public Optional<Outbound> outbound() {
        if (!delivering) {
            return Optional.empty();
        }
        return Optional.of(new Outbound(RecipientAddressing.wholePartner(PARTNER), FailureClassifier.standard()));
    }

    /** Chesterfield Homes' tenants among the simulated population, in the embedded run. */
    @Override
    public Optional<PartnerFeed> simulation() {
        return Optional.of(new HousingFeed());
    }

    @Override
    public RelationshipSource relationships() {
        return HousingConnector::tenancy;
    }

    @Override
    public Set<RelationshipKind> establishes() {
        return Set.of(RelationshipKind.TENANCY);
    }

    /**
     * A tenancy whose landlord is the sending organisation itself is that organisation's tenancy relationship with
     * everyone in the record: open while it has no end date or one after the day it was received, closed once ended.
     * A council reporting another landlord's tenancy establishes nothing for itself.
     */
    static List<RelationshipAssertion> tenancy(HubRecord record, GenericRecord payload) {
        if (!(payload instanceof HousingTenancy t)) {
            return List.of();
        }
        String organisation = record.getProviderOrganisation();
        String ownId = organisation.substring(organisation.indexOf(':') + 1);
        if (!RelationshipRules.named(t.getProvider())
                || !ownId.equals(t.getProvider().strip())) {
            return List.of();
        }
        LocalDate received = LocalDate.ofInstant(record.getReceivedAt(), ZoneOffset.UTC);
        boolean ended = t.getEndDate() != null && !t.getEndDate().isAfter(received);
        List<RelationshipAssertion> out = new ArrayList<>();
        for (Person p : record.getPeople()) {
            out.add(RelationshipRules.assertion(record, RelationshipKind.TENANCY, p, null, ended));
        }
        return out;
    }

    @Override
    public PersonLinks personLinks() {
        // a household as housing knows it: each adult tenant or applicant (PARENT) with each child in the record
        return (record, payload) -> {
            List<PersonLinks.Link> links = new ArrayList<>();
            for (Person adult : record.getPeople()) {
                if (adult.getRole() == Role.PARENT) {
                    for (Person child : record.getPeople()) {
                        if (child.getRole() == Role.CHILD) {
                            links.add(new PersonLinks.Link(adult.getRef(), child.getRef(), HOUSEHOLD_OF));
                        }
                    }
                }
            }
            return links;
        };
    }
}
