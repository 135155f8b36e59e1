package org.earlyhelp.hub.app.logging;

import org.apache.camel.Exchange;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.ExceptionHandler;
import org.apache.camel.support.DefaultConsumer;
import org.apache.camel.support.EventNotifierSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Logs every failed Camel exchange, and every error a consumer meets outside an exchange, by exchange id, route and
 * exception types only. Camel's own error handlers and its consumers' default exception handler log the exception's
 * message and stack trace (and can log the body), which may quote a record: {@link QuietErrorHandlerConfiguration}
 * turns the error handlers' logging off, and each consumer gets this class's handler when its route starts.
 */
@Component
public class CamelFailureLog extends EventNotifierSupport {

    private static final Logger log = LoggerFactory.getLogger(CamelFailureLog.class);

    public CamelFailureLog() {
        setIgnoreCamelContextEvents(true);
        setIgnoreCamelContextInitEvents(true);
        setIgnoreRouteEvents(false);
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
        return event instanceof CamelEvent.ExchangeFailedEvent || event instanceof CamelEvent.RouteStartedEvent;
    }

    @Override
    public void notify(CamelEvent event) {
        if (event instanceof CamelEvent.RouteStartedEvent started
                && started.getRoute().getConsumer() instanceof DefaultConsumer consumer) {
            consumer.setExceptionHandler(new TypesOnly(started.getRoute().getRouteId()));
        }
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

    /** A consumer's exception handler that names the route, the exchange and the exception types, nothing else. */
    static final class TypesOnly implements ExceptionHandler {

        private final String routeId;

        TypesOnly(String routeId) {
            this.routeId = routeId;
        }

        @Override
        public void handleException(Throwable exception) {
            handleException(null, null, exception);
        }

        @Override
        public void handleException(String message, Throwable exception) {
            handleException(message, null, exception);
        }

        @Override
        public void handleException(String message, Exchange exchange, Throwable exception) {
            log.warn(
                    "consumer error: route={} exchangeId={} type={} at={}",
                    routeId,
                    exchange == null ? "none" : exchange.getExchangeId(),
                    exception == null ? "unknown" : SafeThrowables.types(exception),
                    exception == null ? "unknown" : SafeThrowables.origin(exception));
        }
    }
}
