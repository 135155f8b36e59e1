package org.earlyhelp.hub.governance.agreement;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Loads agreements strictly: YAML syntax, duplicate keys, the JSON schema (which rejects unknown keys), the file name
 * equal to the id, then the records' own invariants. Any problem throws {@link AgreementException}.
 */
public final class AgreementLoader {

    /** The file in an agreements directory that lists partners and purposes; it is not an agreement. */
    public static final String REGISTRY_FILE = "registry.yaml";

    private static final String SUFFIX = ".yaml";

    private AgreementLoader() {}

    /** Loads one agreement file. */
    public static Agreement load(Path file) {
        Loaded loaded = read(file);
        if (loaded.agreement() == null) {
            throw new AgreementException(loaded.problems());
        }
        return loaded.agreement();
    }

    /** Loads every {@code *.yaml} in the directory except {@code registry.yaml}, reporting problems in all files. */
    public static List<Agreement> loadDirectory(Path dir) {
        List<Agreement> agreements = new ArrayList<>();
        List<LintProblem> problems = new ArrayList<>();
        for (Path file : agreementFiles(dir)) {
            Loaded loaded = read(file);
            problems.addAll(loaded.problems());
            if (loaded.agreement() != null) {
                agreements.add(loaded.agreement());
            }
        }
        if (!problems.isEmpty()) {
            throw new AgreementException(problems);
        }
        return List.copyOf(agreements);
    }

    /** Loads {@code registry.yaml}: exactly the keys {@code partners} and {@code purposes}, each a list of names. */
    public static PartnerRegistry loadRegistry(Path dir) {
        YamlDocument doc = YamlDocument.parse(dir.resolve(REGISTRY_FILE));
        List<LintProblem> problems = new ArrayList<>(doc.problems());
        JsonNode root = doc.root();
        if (root != null && !root.isObject()) {
            problems.add(doc.error("", "expected the keys partners and purposes"));
        } else if (root != null) {
            root.fieldNames().forEachRemaining(key -> {
                if (!key.equals("partners") && !key.equals("purposes")) {
                    problems.add(doc.error("/" + key, "unknown key '" + key + "'"));
                }
            });
        }
        Set<String> partners = names(doc, "partners", problems);
        Set<String> purposes = names(doc, "purposes", problems);
        if (!problems.isEmpty()) {
            throw new AgreementException(problems);
        }
        return new PartnerRegistry(partners, purposes);
    }

    /** The agreement files of a directory, sorted by name so problems come out in a stable order. */
    static List<Path> agreementFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(SUFFIX))
                    .filter(f -> !f.getFileName().toString().equals(REGISTRY_FILE))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list agreements in " + dir, e);
        }
    }

    /** Parses and checks one file; the agreement is null when there are problems. */
    static Loaded read(Path file) {
        YamlDocument doc = YamlDocument.parse(file);
        List<LintProblem> problems = new ArrayList<>(doc.problems());
        if (doc.root() == null) {
            return new Loaded(doc, null, problems);
        }
        problems.addAll(AgreementSchema.validate(doc));
        String expectedId = file.getFileName().toString().replaceFirst("\\.yaml$", "");
        String id = doc.root().path("id").asText(expectedId);
        if (!id.equals(expectedId)) {
            problems.add(doc.error("/id", "id '" + id + "' must equal the file name '" + expectedId + "'"));
        }
        if (!problems.isEmpty()) {
            return new Loaded(doc, null, problems);
        }
        try {
            return new Loaded(doc, toAgreement(doc.root()), problems);
        } catch (RuntimeException e) { // invariants the schema cannot express, e.g. until before from
            problems.add(doc.error(pointerNamedIn(e.getMessage()), e.getMessage()));
            return new Loaded(doc, null, problems);
        }
    }

    /** Maps a tree that already passed the schema, so every required key is present and well-typed. */
    private static Agreement toAgreement(JsonNode n) {
        JsonNode basis = n.get("lawful-basis");
        JsonNode applies = n.get("applies-to");
        JsonNode valid = n.get("valid");
        Map<String, FieldRule> fields = new LinkedHashMap<>();
        n.get("fields")
                .fields()
                .forEachRemaining(
                        f -> fields.put(f.getKey(), FieldRule.parse(f.getValue().asText())));
        return new Agreement(
                n.get("id").asText(),
                n.get("title").asText(),
                n.get("version").asInt(),
                fromYaml(AgreementStatus.values(), AgreementStatus::yamlName, n.get("status")),
                n.get("provider").asText(),
                texts(n.get("recipients")),
                n.get("purpose").asText(),
                new Agreement.LawfulBasis(
                        basis.get("article-6").asText(),
                        optional(basis.get("article-9")),
                        texts(basis.get("gateways"))),
                consentRule(n.get("consent")),
                new Agreement.AppliesTo(
                        applies.get("kind").asText(), applies.get("type").asText()),
                fields,
                n.has("deliver")
                        ? new Agreement.Delivery(optional(n.get("deliver").get("deadline")))
                        : null,
                Period.parse(n.get("retention").asText()),
                new Agreement.Validity(date(valid.get("from")), date(valid.get("until")), date(valid.get("review"))),
                pull(n.get("pull")),
                n.get("consent").isObject() ? optional(n.get("consent").get("collector")) : null,
                query(n.get("query")),
                governance(n.get("governance")),
                override(n.get("safeguarding-override")),
                analytics(n.get("analytics")));
    }

    /** {@code safeguarding-override: {reasons, roles, max-hours}}; absent: no override under this agreement. */
    private static Agreement.SafeguardingOverride override(JsonNode o) {
        if (o == null || o.isNull()) {
            return null;
        }
        return new Agreement.SafeguardingOverride(
                texts(o.get("reasons")),
                texts(o.get("roles")),
                o.path("max-hours").asInt());
    }

    /** The ICO headings block; absent: the agreement is not yet written up in full (the lint warns). */
    private static Agreement.Governance governance(JsonNode g) {
        if (g == null || g.isNull()) {
            return null;
        }
        List<Agreement.Party> parties = new ArrayList<>();
        g.get("parties")
                .forEach(p -> parties.add(new Agreement.Party(
                        p.get("partner").asText(),
                        p.get("role").asText(),
                        p.get("name").asText(),
                        p.path("adherence").asBoolean(false))));
        JsonNode rights = g.get("rights");
        JsonNode contact = rights.get("contact");
        JsonNode signOff = g.get("sign-off");
        return new Agreement.Governance(
                g.get("purpose").asText(),
                parties,
                texts(g.get("special-category")),
                g.get("criminal-offence-data").asBoolean(),
                new Agreement.Rights(
                        new Agreement.Contact(
                                contact.get("name").asText(),
                                optional(contact.get("phone")),
                                optional(contact.get("email"))),
                        rights.get("how").asText()),
                g.get("privacy-information").asText(),
                g.get("disposal").asText(),
                texts(g.get("security")),
                g.get("dpia").asText(),
                new Agreement.SignOff(
                        signOff.get("name").asText(), signOff.get("role").asText(), date(signOff.get("date"))),
                texts(g.get("permitted-use")),
                texts(g.get("restrictions")),
                texts(g.get("recipient-duties")),
                texts(g.get("legal-compliance")),
                g.has("statutory-duty")
                        ? new Agreement.StatutoryDuty(
                                g.get("statutory-duty").get("gateway").asText(),
                                texts(g.get("statutory-duty").get("approved-by")))
                        : null,
                approvals(g.get("approvals")));
    }

    private static List<Agreement.Approval> approvals(JsonNode list) {
        List<Agreement.Approval> out = new ArrayList<>();
        if (list != null) {
            list.forEach(x -> out.add(new Agreement.Approval(
                    x.get("party").asText(),
                    x.get("by").asText(),
                    x.get("role").asText(),
                    date(x.get("date")),
                    x.get("version").asInt())));
        }
        return out;
    }

    /** {@code consent: not-required}, or {@code consent: {required: true, collector: <partner>}}. */
    private static ConsentRule consentRule(JsonNode consent) {
        if (consent.isObject()) {
            return consent.path("required").asBoolean(false) ? ConsentRule.REQUIRED : ConsentRule.NOT_REQUIRED;
        }
        return fromYaml(ConsentRule.values(), ConsentRule::yamlName, consent);
    }

    /** {@code pull: {purposes: [...], relationships: [...], corroboration: required | flag}}; absent: push only. */
    private static Agreement.Pull pull(JsonNode pull) {
        if (pull == null || pull.isNull()) {
            return null;
        }
        return new Agreement.Pull(
                texts(pull.get("purposes")),
                texts(pull.get("relationships")),
                !"flag".equals(pull.path("corroboration").asText("required")));
    }

    /** {@code analytics: {projects: [...]}}; absent: licenses no dataset. */
    private static Agreement.Analytics analytics(JsonNode analytics) {
        if (analytics == null || analytics.isNull()) {
            return null;
        }
        return new Agreement.Analytics(texts(analytics.get("projects")));
    }

    /** {@code query: {reasons: [...], review: [...], contact: {name, phone, email}}}; absent: answers no query. */
    private static Agreement.Query query(JsonNode query) {
        if (query == null || query.isNull()) {
            return null;
        }
        JsonNode contact = query.path("contact");
        return new Agreement.Query(
                texts(query.get("reasons")),
                texts(query.get("review")),
                new Agreement.Contact(
                        optional(contact.get("name")), optional(contact.get("phone")), optional(contact.get("email"))));
    }

    /** The records name the key first ("valid.until ... is before ..."), which locates the line. */
    private static String pointerNamedIn(String message) {
        String first = message == null ? "" : message.split(" ", 2)[0];
        return "/" + first.replace('.', '/');
    }

    private static Set<String> names(YamlDocument doc, String key, List<LintProblem> problems) {
        JsonNode list = doc.root() == null ? null : doc.root().get(key);
        if (list == null || !list.isArray()) {
            String problem = list == null ? "missing key '" + key + "'" : key + " must be a list of names";
            problems.add(doc.error("/" + key, problem));
            return Set.of();
        }
        Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i < list.size(); i++) {
            if (!list.get(i).isTextual() || !names.add(list.get(i).asText())) {
                problems.add(
                        doc.error("/" + key + "/" + i, key + " must be distinct names, not '" + list.get(i) + "'"));
            }
        }
        return names;
    }

    /** The constant whose YAML spelling is the node's text; the schema has already limited the spellings. */
    private static <E extends Enum<E>> E fromYaml(E[] values, Function<E, String> yamlName, JsonNode node) {
        for (E value : values) {
            if (yamlName.apply(value).equals(node.asText())) {
                return value;
            }
        }
        throw new IllegalArgumentException("'" + node.asText() + "' is not one of " + List.of(values));
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        if (array != null) {
            array.forEach(item -> texts.add(item.asText()));
        }
        return texts;
    }

    private static String optional(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    private static LocalDate date(JsonNode node) {
        return node == null || node.isNull() ? null : LocalDate.parse(node.asText());
    }

    /** One file's outcome, with its parsed document kept so the lint can find lines. */
    record Loaded(YamlDocument doc, Agreement agreement, List<LintProblem> problems) {}
}
