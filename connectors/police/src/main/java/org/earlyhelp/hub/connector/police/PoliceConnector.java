package org.earlyhelp.hub.connector.police;

import java.util.List;
import java.util.Optional;
import org.earlyhelp.hub.connector.api.Connector;
import org.earlyhelp.hub.connector.api.RecordType;
import org.earlyhelp.hub.connector.police.schema.AntiSocialBehaviour;
import org.earlyhelp.hub.connector.police.schema.MissingEpisode;
import org.earlyhelp.hub.connector.police.schema.YouthOffending;
import org.earlyhelp.hub.connector.police.simulation.PoliceEventFeed;
import org.earlyhelp.hub.schema.DomesticAbuseIncident;
import org.earlyhelp.hub.schema.RecordKind;
import org.earlyhelp.hub.simulator.partners.PartnerFeed;

/**
 * The police connector as the hub sees it: domestic abuse incidents (Operation Encompass), missing episodes,
 * anti-social behaviour and youth offending outcomes in, over HTTP or a nightly CSV extract; nothing out, since no
 * agreement sends the police anything today.
 */
public final class PoliceConnector implements Connector {

    public static final String PARTNER = "police";

    @Override
    public String partner() {
        return PARTNER;
    }

    @Override
    public List<RecordType> recordTypes() {
        return List.of(
                RecordType.of(DomesticAbuseIncident.getClassSchema(), RecordKind.EVENT, PARTNER),
                RecordType.of(MissingEpisode.getClassSchema(), RecordKind.EVENT, PARTNER),
                RecordType.of(AntiSocialBehaviour.getClassSchema(), RecordKind.EVENT, PARTNER),
                RecordType.of(YouthOffending.getClassSchema(), RecordKind.EVENT, PARTNER));
    }

    @Override
    public Optional<Outbound> outbound() {
        return Optional.empty();
    }

    /** The simulated force's missing episodes, ASB and youth offending (its incidents are the simulator's own feed). */
    @Override
    public Optional<PartnerFeed> simulation() {
        return Optional.of(new PoliceEventFeed());
    }
}
