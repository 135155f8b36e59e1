package org.earlyhelp.hub.connector.schools;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.earlyhelp.hub.governance.ledger.DisclosureLedger;
import org.earlyhelp.hub.schema.Disclosure;
import org.earlyhelp.hub.schema.codec.RecordCodec;

/** Delivers one disclosure to its school and records the delivery beside its ledger entry. */
class SchoolsDeliveryProcessor implements Processor {

    static final String PROVIDER_PARTNER = "schools";

    private final RecordCodec codec;
    private final SchoolDirectory directory;
    private final SchoolsNotificationClient client;
    private final DisclosureLedger ledger;
    private final MeterRegistry meters;

    SchoolsDeliveryProcessor(
            RecordCodec codec,
            SchoolDirectory directory,
            SchoolsNotificationClient client,
            DisclosureLedger ledger,
            MeterRegistry meters) {
        this.codec = codec;
        this.directory = directory;
        this.client = client;
        this.ledger = ledger;
        this.meters = meters;
    }

    @Override
    public void process(Exchange exchange) {
        Disclosure d = codec.decodeDisclosure(exchange.getMessage().getBody(byte[].class));
        String urn = d.getRecipient().substring(d.getRecipient().indexOf(':') + 1);
        URI endpoint = directory
                .endpointFor(urn)
                .orElseThrow(() -> new SchoolDeliveryException("school URN not in the directory", false, null, null));
        int status = client.deliver(endpoint, d);
        int attempts = 1 + exchange.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, 0, Integer.class);
        ledger.recordDelivery(
                d.getDeliveryId(), d.getRecipient(), DisclosureLedger.DeliveryStatus.DELIVERED, attempts, status);
        meters.counter("hub.records", "partner", PROVIDER_PARTNER, "outcome", "delivered")
                .increment();
    }
}
