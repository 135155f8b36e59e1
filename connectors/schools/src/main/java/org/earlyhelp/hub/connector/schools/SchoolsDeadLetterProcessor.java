package org.earlyhelp.hub.connector.schools;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import org.apache.camel.Exchange;
import org.earlyhelp.hub.governance.ledger.DisclosureLedger;
import org.earlyhelp.hub.schema.Disclosure;
import org.earlyhelp.hub.schema.codec.RecordCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Records a disclosure that could not be delivered and sets the personal-data-free reason for the dead-letter topic. */
class SchoolsDeadLetterProcessor implements org.apache.camel.Processor {

    static final String REASON_HEADER = "hub-dlq-reason";
    private static final Logger log = LoggerFactory.getLogger(SchoolsDeadLetterProcessor.class);

    private final RecordCodec codec;
    private final DisclosureLedger ledger;
    private final MeterRegistry meters;

    SchoolsDeadLetterProcessor(RecordCodec codec, DisclosureLedger ledger, MeterRegistry meters) {
        this.codec = codec;
        this.ledger = ledger;
        this.meters = meters;
    }

    @Override
    public void process(Exchange exchange) {
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String reason = SchoolsErrorClassifier.reason(cause);
        int attempts = 1 + exchange.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, 0, Integer.class);
        Integer status = cause instanceof SchoolDeliveryException e ? e.httpStatus() : null;
        try {
            Disclosure d = codec.decodeDisclosure(exchange.getMessage().getBody(byte[].class));
            ledger.recordDelivery(
                    d.getDeliveryId(),
                    d.getRecipient(),
                    DisclosureLedger.DeliveryStatus.DEAD_LETTERED,
                    attempts,
                    status);
            log.warn(
                    "notification dead-lettered: deliveryId={} attempts={} reason={}",
                    d.getDeliveryId(),
                    attempts,
                    reason);
        } catch (RecordCodec.UndecodableRecordException e) {
            reason = "undecodable disclosure";
            log.warn("undecodable disclosure dead-lettered");
        }
        meters.counter("hub.records", "partner", SchoolsDeliveryProcessor.PROVIDER_PARTNER, "outcome", "dead-lettered")
                .increment();
        exchange.getMessage().setHeader(REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8));
    }
}
