package org.earlyhelp.hub.app.logging;

import org.apache.camel.Exchange;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Logs every failed Camel exchange by exchange id, route and exception types only. Camel's own error handlers log the
 * exception's message and stack trace (and can log the body), which may quote a record; their categories are off in
 * {@code application.yml} and {@link QuietErrorHandlerConfiguration} turns their logging off at the source.
 */
@Component
public class CamelFailureLog extends EventNotifierSupport {

    private static final Logger log = LoggerFactory.getLogger(CamelFailureLog.class);

    public CamelFailureLog() {
        setIgnoreCamelContextEvents(true);
        setIgnoreCamelContextInitEvents(true);
        setIgnoreRouteEvents(true);
        setIgnoreServiceEvents(true);
        setIgnoreExchangeCreatedEvent(true);
        setIgnoreExchangeCompletedEvent(true);
        setIgnoreExchangeSendingEvents(true);
        setIgnoreExchangeSentEvents(true);
        setIgnoreExchangeRedeliveryEvents(true);
        setIgnoreExchangeAsyncProcessingStartedEvents(true);
        setIgnoreStepEvents(true);
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof CamelEvent.ExchangeFailedEvent;
    }

    @Override
    public void notify(CamelEvent event) {
        if (event instanceof CamelEvent.ExchangeFailedEvent failed) {
            Exchange exchange = failed.getExchange();
            Throwable cause = exchange.getException();
            log.warn(
                    "exchange failed: exchangeId={} route={} type={} at={}",
                    exchange.getExchangeId(),
                    exchange.getFromRouteId(),
                    cause == null ? "unknown" : SafeThrowables.types(cause),
                    cause == null ? "unknown" : SafeThrowables.origin(cause));
        }
    }
}
