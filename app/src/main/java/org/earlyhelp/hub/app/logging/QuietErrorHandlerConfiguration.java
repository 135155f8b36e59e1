package org.earlyhelp.hub.app.logging;

import org.apache.camel.builder.RouteConfigurationBuilder;
import org.springframework.stereotype.Component;

/**
 * The default route configuration (applied to every route without one of its own): Camel's error handler logs
 * nothing itself, neither the exhausted exception, its stack trace, the message body nor the message history. What
 * failed is logged by {@link CamelFailureLog}, by type and exchange id. Retry and dead-letter policy stays with each
 * route's own processor.
 */
@Component
public class QuietErrorHandlerConfiguration extends RouteConfigurationBuilder {

    @Override
    public void configuration() {
        routeConfiguration()
                .errorHandler(defaultErrorHandler()
                        .logExhausted(false)
                        .logStackTrace(false)
                        .logRetryStackTrace(false)
                        .logExhaustedMessageBody(false)
                        .logExhaustedMessageHistory(false)
                        .logRetryAttempted(false)
                        .logHandled(false)
                        .logNewException(false));
    }
}
