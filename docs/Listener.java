import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * A school's endpoint for trying the hub by hand: prints every notification it receives with its idempotency key.
 * Run it with the JDK alone: {@code java docs/Listener.java 9099}.
 */
public class Listener {
    public static void main(String[] args) throws IOException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 9099;
        HttpServer server = HttpServer.create(new InetSocketAddress("localhost", port), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            System.out.printf("%s %s Idempotency-Key: %s%n%s%n%n", exchange.getRequestMethod(),
                    exchange.getRequestURI(), exchange.getRequestHeaders().getFirst("Idempotency-Key"), body);
            exchange.sendResponseHeaders(201, -1);
            exchange.close();
        });
        server.start();
        System.out.println("listening on http://localhost:" + port + "/");
    }
}
