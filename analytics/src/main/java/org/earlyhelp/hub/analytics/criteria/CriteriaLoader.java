package org.earlyhelp.hub.analytics.criteria;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.earlyhelp.hub.governance.agreement.LintProblem;
import org.earlyhelp.hub.governance.agreement.YamlDocument;

/**
 * Reads and lints {@code needs-criteria.yaml}. Every problem names the file, the line and what to write instead: an
 * unknown key, a record type no connector registers, a field the type does not have, a test that cannot apply to the
 * field (a number compared with text), a duplicate id. Criteria with an error are never used: the ones in use stay.
 */
public final class CriteriaLoader {

    private static final Set<String> TOP =
            Set.of("version", "family-threshold", "sustain-months", "case-closure", "outcomes");
    private static final Set<String> OUTCOME = Set.of("id", "title", "need", "resolved");
    private static final Set<String> INDICATOR =
            Set.of("id", "description", "type", "roles", "where", "dated-by", "within-months");

    /** The criteria (null when there was an error) and every problem found. */
    public record Result(NeedCriteria criteria, List<LintProblem> problems) {
        public boolean ok() {
            return criteria != null;
        }

        NeedCriteria orThrow() {
            if (criteria == null) {
                throw new NeedCriteria.InvalidCriteria(problems);
            }
            return criteria;
        }
    }

    private CriteriaLoader() {}

    public static Result load(Path file, CriteriaVocabulary vocabulary) {
        return lint(YamlDocument.parse(file), vocabulary);
    }

    public static Result load(Path file, Reader in, CriteriaVocabulary vocabulary) {
        return lint(YamlDocument.parse(file, in), vocabulary);
    }

    private static Result lint(YamlDocument doc, CriteriaVocabulary vocabulary) {
        List<LintProblem> problems = new ArrayList<>(doc.problems());
        if (doc.root() == null) {
            return new Result(null, problems);
        }
        Reading r = new Reading(doc, vocabulary, problems);
        NeedCriteria criteria = r.criteria(doc.root());
        boolean errors = problems.stream().anyMatch(LintProblem::isError);
        problems.sort(java.util.Comparator.comparingInt(LintProblem::line));
        return new Result(errors ? null : criteria, List.copyOf(problems));
    }

    private record Reading(YamlDocument doc, CriteriaVocabulary vocabulary, List<LintProblem> problems) {

        NeedCriteria criteria(JsonNode root) {
            if (!root.isObject()) {
                error("", "the file must be a mapping with version, family-threshold, sustain-months and outcomes");
                return null;
            }
            keys(root, "", TOP);
            int version = positive(root, "", "version", 1);
            int threshold = positive(root, "", "family-threshold", 3);
            int sustain = positive(root, "", "sustain-months", 6);
            Indicator closure = null;
            if (root.has("case-closure")) {
                closure = indicator(root.get("case-closure"), "/case-closure", false);
            }
            List<Outcome> outcomes = new ArrayList<>();
            JsonNode list = root.get("outcomes");
            if (list == null || !list.isArray() || list.isEmpty()) {
                error("/outcomes", "outcomes must list at least one outcome (id, title, need, resolved)");
            } else {
                Set<String> ids = new HashSet<>();
                Set<String> indicatorIds = new HashSet<>();
                for (int i = 0; i < list.size(); i++) {
                    Outcome o = outcome(list.get(i), "/outcomes/" + i, ids, indicatorIds);
                    if (o != null) {
                        outcomes.add(o);
                    }
                }
            }
            return new NeedCriteria(version, threshold, sustain, closure, outcomes);
        }

        Outcome outcome(JsonNode node, String at, Set<String> ids, Set<String> indicatorIds) {
            if (!node.isObject()) {
                error(at, "an outcome is a mapping with id, title, need and resolved");
                return null;
            }
            keys(node, at, OUTCOME);
            String id = text(node, at, "id", true);
            String title = text(node, at, "title", true);
            if (id != null && !ids.add(id)) {
                error(at + "/id", "outcome id '" + id + "' is used twice: give each outcome its own id");
            }
            List<Indicator> need = indicators(node, at, "need", indicatorIds, true);
            List<Indicator> resolved = indicators(node, at, "resolved", indicatorIds, false);
            if (id == null || title == null) {
                return null;
            }
            return new Outcome(id, title, need, resolved);
        }

        List<Indicator> indicators(JsonNode node, String at, String key, Set<String> ids, boolean required) {
            JsonNode list = node.get(key);
            List<Indicator> out = new ArrayList<>();
            if (list == null) {
                if (required) {
                    error(at, "missing key '" + key + "': list the indicators that show the need");
                }
                return out;
            }
            if (!list.isArray()) {
                error(at + "/" + key, key + " must be a list of indicators");
                return out;
            }
            for (int i = 0; i < list.size(); i++) {
                String itemAt = at + "/" + key + "/" + i;
                JsonNode id = list.get(i).get("id");
                if (id != null && id.isTextual() && !ids.add(id.asText())) {
                    error(itemAt + "/id", "indicator id '" + id.asText() + "' is used twice: ids must be unique");
                }
                Indicator ind = indicator(list.get(i), itemAt, true);
                if (ind != null) {
                    out.add(ind);
                }
            }
            return out;
        }

        Indicator indicator(JsonNode node, String at, boolean named) {
            if (!node.isObject()) {
                error(at, "an indicator is a mapping with id, description, type and where");
                return null;
            }
            keys(node, at, INDICATOR);
            String id = named ? text(node, at, "id", true) : "case-closure";
            String description = text(node, at, "description", false);
            String type = text(node, at, "type", true);
            Map<String, CriteriaVocabulary.Kind> fields = Map.of();
            if (type != null) {
                fields = vocabulary.fieldsOf(type);
                if (fields.isEmpty()) {
                    error(
                            at + "/type",
                            "unknown record type '" + type + "': known types are " + new TreeSet<>(vocabulary.types()));
                    type = null;
                } else if (!vocabulary.kept(type)) {
                    problems.add(doc.warning(
                            at + "/type",
                            "no agreement in force covers '" + type + "' records, so the hub does not keep them and"
                                    + " this indicator finds nothing: an agreement for the purpose must cover them"));
                }
            }
            Set<String> roles = new LinkedHashSet<>();
            JsonNode rolesNode = node.get("roles");
            if (rolesNode != null) {
                if (!rolesNode.isArray()) {
                    error(at + "/roles", "roles must be a list, e.g. [child]");
                } else {
                    for (int i = 0; i < rolesNode.size(); i++) {
                        String role = rolesNode.get(i).asText();
                        if (!vocabulary.roles().contains(role)) {
                            error(at + "/roles/" + i, "unknown role '" + role + "': use one of " + vocabulary.roles());
                        } else {
                            roles.add(role);
                        }
                    }
                }
            }
            List<Condition> where = new ArrayList<>();
            JsonNode whereNode = node.get("where");
            if (whereNode != null && !whereNode.isArray()) {
                error(
                        at + "/where",
                        "where must be a list of tests, e.g. [{field: attendance.attendance-percent," + " below: 90}]");
            } else if (whereNode != null) {
                for (int i = 0; i < whereNode.size(); i++) {
                    Condition c = condition(whereNode.get(i), at + "/where/" + i, type, fields);
                    if (c != null) {
                        where.add(c);
                    }
                }
            }
            String datedBy = text(node, at, "dated-by", false);
            if (datedBy != null && type != null) {
                CriteriaVocabulary.Kind kind = fields.get(datedBy);
                if (kind == null) {
                    error(
                            at + "/dated-by",
                            "'" + datedBy + "' is not a field of " + type + ": name one of its dates ("
                                    + datesOf(fields) + ") or leave dated-by out to date by when the hub received it");
                } else if (kind != CriteriaVocabulary.Kind.DATE) {
                    error(at + "/dated-by", "'" + datedBy + "' is not a date: use one of " + datesOf(fields));
                }
            }
            Integer within = null;
            if (node.has("within-months")) {
                JsonNode w = node.get("within-months");
                if (!w.isIntegralNumber() || w.asInt() < 1) {
                    error(at + "/within-months", "within-months must be a whole number of months, 1 or more");
                } else {
                    within = w.asInt();
                }
            }
            if (id == null || type == null) {
                return null;
            }
            return new Indicator(id, description, type, roles, where, datedBy, within);
        }

        Condition condition(JsonNode node, String at, String type, Map<String, CriteriaVocabulary.Kind> fields) {
            if (!node.isObject() || !node.has("field")) {
                error(at, "a test is {field: <path>, <test>: <value>}, the test one of " + ops());
                return null;
            }
            String field = node.get("field").asText();
            List<String> tests = new ArrayList<>();
            node.fieldNames().forEachRemaining(n -> {
                if (!n.equals("field")) {
                    tests.add(n);
                }
            });
            if (tests.size() != 1) {
                error(at, "a test names one field and exactly one of " + ops() + " (found " + tests + ")");
                return null;
            }
            Condition.Op op = Condition.Op.fromYaml(tests.get(0));
            if (op == null) {
                error(
                        YamlDocument.pointer(at, tests.get(0)),
                        "unknown test '" + tests.get(0) + "': use one of " + ops());
                return null;
            }
            JsonNode operand = node.get(tests.get(0));
            CriteriaVocabulary.Kind kind = type == null ? null : fields.get(field);
            if (type != null && kind == null) {
                error(
                        at + "/field",
                        "'" + field + "' is not a field of " + type + ": its fields are "
                                + new TreeSet<>(fields.keySet())
                                        .stream()
                                                .filter(f -> !f.contains(".")
                                                        || !vocabulary.roles().contains(f.substring(0, f.indexOf('.'))))
                                                .toList());
                return null;
            }
            List<String> values = new ArrayList<>();
            String opAt = YamlDocument.pointer(at, tests.get(0));
            switch (op) {
                case PRESENT, ABSENT -> {
                    if (!operand.isBoolean() || !operand.asBoolean()) {
                        error(
                                opAt,
                                op.yamlName() + " takes true, e.g. {field: " + field + ", " + op.yamlName()
                                        + ": true}");
                    }
                }
                case IN -> {
                    if (!operand.isArray() || operand.isEmpty()) {
                        error(opAt, "in takes a list of values, e.g. [section-8, section-21]");
                    } else {
                        operand.forEach(v -> values.add(v.asText()));
                    }
                }
                case IS -> {
                    if (!operand.isBoolean()) {
                        error(opAt, "is takes true or false");
                    } else if (kind != null && kind != CriteriaVocabulary.Kind.BOOLEAN) {
                        error(opAt, "'" + field + "' is not true/false: use equals or in");
                    } else {
                        values.add(operand.asText());
                    }
                }
                case BELOW, AT_MOST, ABOVE, AT_LEAST -> {
                    if (!operand.isNumber()) {
                        error(opAt, op.yamlName() + " takes a number, e.g. 90");
                    } else if (kind != null && kind != CriteriaVocabulary.Kind.NUMBER) {
                        error(opAt, "'" + field + "' is not a number: " + op.yamlName() + " cannot apply to it");
                    } else {
                        values.add(operand.asText());
                    }
                }
                case CONTAINS -> {
                    if (!operand.isValueNode()) {
                        error(opAt, "contains takes one value");
                    } else if (kind != null && kind != CriteriaVocabulary.Kind.LIST) {
                        error(opAt, "'" + field + "' is not a list: use equals");
                    } else {
                        values.add(operand.asText());
                    }
                }
                case EQUALS -> {
                    if (!operand.isValueNode() || operand.isNull()) {
                        error(opAt, "equals takes one value");
                    } else {
                        values.add(operand.asText());
                    }
                }
            }
            return new Condition(field, op, values);
        }

        private static String ops() {
            return Arrays.stream(Condition.Op.values())
                    .map(Condition.Op::yamlName)
                    .toList()
                    .toString();
        }

        private static List<String> datesOf(Map<String, CriteriaVocabulary.Kind> fields) {
            return fields.entrySet().stream()
                    .filter(e -> e.getValue() == CriteriaVocabulary.Kind.DATE
                            && !e.getKey().endsWith("date-of-birth"))
                    .map(Map.Entry::getKey)
                    .toList();
        }

        private void keys(JsonNode node, String at, Set<String> allowed) {
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (!allowed.contains(key)) {
                    error(YamlDocument.pointer(at, key), "unknown key '" + key + "': use " + new TreeSet<>(allowed));
                }
            }
        }

        private String text(JsonNode node, String at, String key, boolean required) {
            JsonNode v = node.get(key);
            if (v == null || v.isNull()) {
                if (required) {
                    error(at, "missing key '" + key + "'");
                }
                return null;
            }
            if (!v.isValueNode() || v.asText().isBlank()) {
                error(at + "/" + key, key + " must be text");
                return null;
            }
            return v.asText();
        }

        private int positive(JsonNode node, String at, String key, int otherwise) {
            JsonNode v = node.get(key);
            if (v == null) {
                error(at, "missing key '" + key + "' (e.g. " + key + ": " + otherwise + ")");
                return otherwise;
            }
            if (!v.isIntegralNumber() || v.asInt() < 1) {
                error(at + "/" + key, key + " must be a whole number, 1 or more");
                return otherwise;
            }
            return v.asInt();
        }

        private void error(String pointer, String message) {
            problems.add(doc.error(pointer, message));
        }
    }
}
