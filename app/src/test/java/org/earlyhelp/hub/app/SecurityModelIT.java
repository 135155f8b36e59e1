package org.earlyhelp.hub.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * The README's "Security model" table, checked on a running hub: every endpoint the application maps is in it, and
 * every row called with every credential kind and with none gives no unexpected allow. A refusal must come before the
 * body is read: the request declares a body and sends only its first bytes, so a server that waited for it would not
 * answer.
 */
class SecurityModelIT extends SecuredHub {

    static final Path README = Path.of("..", "README.md");
    static final Pattern ROW =
            Pattern.compile("^\\|\\s*(GET|POST|PUT|PATCH|DELETE|any)\\s*\\|\\s*`([^`]+)`\\s*\\|(.*)\\|\\s*$");

    @Autowired
    ApplicationContext context;

    /** One row of the table: method, path pattern, and per column (a kind, or "none") whether it is allowed. */
    record Row(String method, String path, Map<String, Boolean> allowed) {}

    static List<Row> table() throws Exception {
        List<String> lines = Files.readAllLines(README);
        int start = lines.indexOf("## Security model");
        assertThat(start).as("README has a '## Security model' section").isNotNegative();
        List<String> columns = null;
        List<Row> rows = new ArrayList<>();
        for (String line : lines.subList(start, lines.size())) {
            if (line.startsWith("## ") && !line.equals("## Security model")) {
                break;
            }
            if (line.startsWith("| method | path |")) {
                columns = Arrays.stream(line.split("\\|"))
                        .map(String::strip)
                        .filter(c -> !c.isEmpty())
                        .skip(2)
                        .toList();
                continue;
            }
            Matcher m = ROW.matcher(line);
            if (columns != null && m.matches()) {
                String[] cells = m.group(3).split("\\|");
                assertThat(cells).as(line).hasSize(columns.size());
                Map<String, Boolean> allowed = new LinkedHashMap<>();
                for (int i = 0; i < cells.length; i++) {
                    String cell = cells[i].strip();
                    assertThat(cell).as(line).isIn("yes", "-");
                    allowed.put(columns.get(i), cell.equals("yes"));
                }
                rows.add(new Row(m.group(1), m.group(2), allowed));
            }
        }
        assertThat(columns).as("the table's header").isNotNull();
        assertThat(columns).containsAll(TOKENS.keySet()).contains("none");
        return rows;
    }

    @Test
    void everyEndpointTheApplicationMapsIsInTheReadmeTable() throws Exception {
        // Given the table and every handler mapping of the running application (controllers and actuator)
        Set<String> inTable = new TreeSet<>();
        table().forEach(r -> inTable.add(r.method() + " " + r.path()));
        Set<String> missing = new TreeSet<>();
        for (RequestMappingInfoHandlerMapping mapping :
                context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (String pattern : info.getPatternValues()) {
                    String path = pattern.replace("{*path}", "**");
                    if (path.equals("/console") || path.startsWith("/console/")) {
                        continue; // the console's own chain: signed-in people, never bearer credentials (below)
                    }
                    if (methods.isEmpty()) {
                        if (!inTable.contains("any " + path)) {
                            missing.add("any " + path);
                        }
                    }
                    for (RequestMethod method : methods) {
                        if (!inTable.contains(method.name() + " " + path) && !inTable.contains("any " + path)) {
                            missing.add(method.name() + " " + path);
                        }
                    }
                }
            }
        }
        // Then none is missing
        assertThat(missing)
                .as("endpoints missing from README.md's Security model table")
                .isEmpty();
        assertThat(inTable).contains("POST /api/police/incidents", "GET /api/ledger/verify");
    }

    @Test
    void theConsoleTakesNoBearerCredentialAndSendsStrangersToSignIn() throws Exception {
        // Given every console page the application maps
        Set<String> pages = new TreeSet<>();
        for (RequestMappingInfoHandlerMapping mapping :
                context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                for (RequestMethod method : info.getMethodsCondition().getMethods()) {
                    for (String path : info.getPatternValues()) {
                        if ((path.equals("/console") || path.startsWith("/console/"))
                                && !path.equals("/console/login")) {
                            pages.add(method.name() + " " + path);
                        }
                    }
                }
            }
        }
        assertThat(pages).contains("GET /console/reviews", "POST /console/proposals/{id}/apply");
        List<String> unexpected = new ArrayList<>();
        List<String> tokens = new ArrayList<>(TOKENS.values());
        tokens.add(null);
        for (String page : pages) {
            String method = page.substring(0, page.indexOf(' '));
            String path = concrete(page.substring(page.indexOf(' ') + 1)).replace("/x1", "/" + UUID.randomUUID());
            for (String token : tokens) {
                HttpResponse<String> r = send(method, path, token, method.equals("GET") ? null : "{}");
                // a page sends anyone not signed in to the sign-in page; a form post without its CSRF token is refused
                boolean refused = method.equals("GET")
                        ? r.statusCode() == 302
                                && r.headers().firstValue("Location").orElse("").endsWith("/console/login")
                        : r.statusCode() == 403;
                if (!refused) {
                    unexpected.add(page + " with " + (token == null ? "no credential" : "a bearer credential") + ": "
                            + r.statusCode());
                }
            }
        }
        assertThat(unexpected).as("console pages reachable without signing in").isEmpty();
    }

    @Test
    void everyRowCalledWithEveryKindAndWithNoneGivesNoUnexpectedAllow() throws Exception {
        List<String> unexpected = new ArrayList<>();
        int calls = 0;
        for (Row row : table()) {
            String path = concrete(row.path());
            for (String method : row.method().equals("any") ? List.of("GET", "POST") : List.of(row.method())) {
                for (Map.Entry<String, Boolean> cell : row.allowed().entrySet()) {
                    String token = cell.getKey().equals("none") ? null : TOKENS.get(cell.getKey());
                    String what = method + " " + path + " as " + cell.getKey();
                    calls++;
                    if (cell.getValue()) {
                        String body = method.equals("GET") ? null : "{}";
                        HttpResponse<String> r = send(method, path, token, body);
                        if (r.statusCode() == 401 || r.statusCode() == 403) {
                            unexpected.add(what + ": allowed by the table, refused " + r.statusCode());
                        }
                    } else {
                        int expected = token == null ? 401 : 403;
                        RawHttp.Answer a =
                                RawHttp.partial(port, method, path, token, 100_000, 16, Duration.ofSeconds(10));
                        if (a.status() != expected) {
                            unexpected.add(what + ": expected " + expected + " before the body was read, got "
                                    + (a.status() < 0 ? "no answer (it waited for the body)" : a.status()));
                        }
                    }
                }
            }
        }
        assertThat(unexpected).as("unexpected outcomes").isEmpty();
        assertThat(calls).isGreaterThan(200);
    }

    /** A path to call for a pattern: placeholders filled with harmless values. */
    static String concrete(String pattern) {
        return pattern.replace("{personId}", UUID.randomUUID().toString())
                .replace("{recordId}", UUID.randomUUID().toString())
                .replace("{reviewId}", "1")
                .replace("{agreementId}", "police-to-schools-domestic-abuse")
                .replace("{urn}", "999999")
                .replace("{requiredMetricName}", "jvm.memory.used")
                .replace("**", "db")
                .replaceAll("\\{[^}]+}", "x1");
    }
}
