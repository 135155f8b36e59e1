package org.earlyhelp.hub.connector.schools;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.kafka.consumer.DefaultKafkaManualAsyncCommitFactory;
import org.apache.camel.component.kafka.consumer.KafkaManualCommit;

/**
 * Delivers disclosures from {@code hub.outbound.schools} to each school's endpoint, retrying what is retriable with
 * exponential backoff and dead-lettering the rest to {@code hub.dlq.schools}. The offset is committed only after the
 * delivery or the dead-letter write; a failed dead-letter write stops the consumer at that record (breakOnFirstError)
 * rather than skipping it.
 */
public class SchoolsOutboundRoute extends RouteBuilder {

    public static final String ROUTE_ID = "schools-outbound";
    public static final String DEAD_LETTER_ROUTE_ID = "schools-dead-letter";
    private static final String DEAD_LETTER = "direct:schools-dead-letter";
    private static final String COMMIT = "hubManualCommit";

    private final SchoolsConnectorProperties props;
    private final SchoolsDeliveryProcessor delivery;
    private final SchoolsDeadLetterProcessor deadLetter;
    private final SchoolsErrorClassifier classifier = new SchoolsErrorClassifier();

    SchoolsOutboundRoute(
            SchoolsConnectorProperties props,
            SchoolsDeliveryProcessor delivery,
            SchoolsDeadLetterProcessor deadLetter) {
        this.props = props;
        this.delivery = delivery;
        this.deadLetter = deadLetter;
    }

    @Override
    public void configure() {
        errorHandler(deadLetterChannel(DEAD_LETTER)
                .deadLetterHandleNewException(false)
                .useOriginalMessage()
                .maximumRedeliveries(props.maxRedeliveries())
                .redeliveryDelay(props.initialBackoff().toMillis())
                .useExponentialBackOff()
                .backOffMultiplier(2)
                .maximumRedeliveryDelay(props.maxBackoff().toMillis())
                .retryWhile(method(classifier, "retriable"))
                .logRetryAttempted(true)
                .retryAttemptedLogLevel(org.apache.camel.LoggingLevel.WARN)
                .logExhausted(true)
                .logExhaustedMessageBody(false)
                .logExhaustedMessageHistory(false)
                .logStackTrace(false));

        from("kafka:" + props.topic() + "?groupId=hub-deliver-schools&consumersCount=" + props.consumers()
                        + "&autoCommitEnable=false&allowManualCommit=true&breakOnFirstError=true"
                        + "&kafkaManualCommitFactory=#class:" + DefaultKafkaManualAsyncCommitFactory.class.getName()
                        + "&autoOffsetReset=earliest&maxPollRecords=100")
                .routeId(ROUTE_ID)
                .setProperty(COMMIT, header(KafkaConstants.MANUAL_COMMIT))
                .process(delivery)
                .process(SchoolsOutboundRoute::commit);

        from(DEAD_LETTER)
                .routeId(DEAD_LETTER_ROUTE_ID)
                .errorHandler(noErrorHandler())
                .process(deadLetter)
                .removeHeaders("*", KafkaConstants.KEY, SchoolsDeadLetterProcessor.REASON_HEADER)
                .to("kafka:" + props.deadLetterTopic())
                .process(SchoolsOutboundRoute::commit);
    }

    private static void commit(Exchange exchange) {
        KafkaManualCommit commit = exchange.getProperty(COMMIT, KafkaManualCommit.class);
        if (commit != null) {
            commit.commit();
        }
    }
}
