package org.earlyhelp.hub.connector.api.batch;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.Executors;

/** The HTTP client a connector delivers with: HTTP/1.1, no redirects followed, a small fixed pool of daemon threads. */
public final class PartnerHttp {

    private PartnerHttp() {}

    /**
     * @param threadName the name of the threads that complete the responses ({@code <partner>-http})
     * @param threads how many: the default cached pool would create threads under load
     */
    public static HttpClient client(String threadName, int threads, Duration connectTimeout) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(Executors.newFixedThreadPool(threads, r -> {
                    Thread t = new Thread(r, threadName);
                    t.setDaemon(true);
                    return t;
                }))
                .build();
    }
}
