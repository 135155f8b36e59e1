package org.earlyhelp.hub.governance.agreement;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A YAML file as a JSON tree plus the line of every JSON pointer, so schema and lint findings can name a line.
 * Composed with snakeyaml (which keeps start marks) rather than constructed, because construction loses positions;
 * duplicate keys are therefore detected here.
 */
public final class YamlDocument {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** YAML 1.1 spellings of true, as snakeyaml resolves them. */
    private static final Set<String> TRUE = Set.of("true", "yes", "on");

    private final Path file;
    private final JsonNode root;
    private final Map<String, Integer> lines;
    private final List<LintProblem> problems;

    private YamlDocument(Path file, JsonNode root, Map<String, Integer> lines, List<LintProblem> problems) {
        this.file = file;
        this.root = root;
        this.lines = lines;
        this.problems = List.copyOf(problems);
    }

    /** Parses the file; syntax errors and duplicate keys become problems and leave {@link #root()} possibly null. */
    public static YamlDocument parse(Path file) {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(file, in);
        } catch (IOException e) {
            return failed(file, 1, "cannot read: " + e.getMessage());
        }
    }

    /** Parses YAML read from {@code in} (a resource), naming {@code file} in every problem. */
    public static YamlDocument parse(Path file, Reader in) {
        Node node;
        try {
            node = new Yaml(new LoaderOptions()).compose(in);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 1;
            return failed(file, line, "not valid YAML: " + e.getProblem());
        } catch (YAMLException e) {
            return failed(file, 1, "cannot read: " + e.getMessage());
        }
        if (node == null) {
            return failed(file, 1, "file is empty");
        }
        Map<String, Integer> lines = new HashMap<>();
        List<LintProblem> problems = new ArrayList<>();
        lines.put("", 1);
        JsonNode root = new Converter(file, lines, problems).convert(node, "");
        return new YamlDocument(file, root, lines, problems);
    }

    private static YamlDocument failed(Path file, int line, String message) {
        return new YamlDocument(file, null, Map.of(), List.of(LintProblem.error(file, line, message)));
    }

    public Path file() {
        return file;
    }

    /** The tree, or null when the file could not be parsed at all. */
    public JsonNode root() {
        return root;
    }

    /** Syntax errors and duplicate keys. */
    public List<LintProblem> problems() {
        return problems;
    }

    /** The line of the key (or list item) at a JSON pointer such as {@code /fields/child.name}, else its parent's. */
    public int lineOf(String pointer) {
        String p = pointer;
        while (!lines.containsKey(p)) {
            int slash = p.lastIndexOf('/');
            if (slash < 0) {
                return 1;
            }
            p = p.substring(0, slash);
        }
        return lines.get(p);
    }

    public LintProblem error(String pointer, String message) {
        return LintProblem.error(file, lineOf(pointer), message);
    }

    public LintProblem warning(String pointer, String message) {
        return LintProblem.warning(file, lineOf(pointer), message);
    }

    /** Appends one reference token to a JSON pointer, escaping as RFC 6901 says. */
    public static String pointer(String parent, String token) {
        return parent + "/" + token.replace("~", "~0").replace("/", "~1");
    }

    private record Converter(Path file, Map<String, Integer> lines, List<LintProblem> problems) {

        JsonNode convert(Node node, String at) {
            if (node instanceof MappingNode map) {
                return object(map, at);
            }
            if (node instanceof SequenceNode seq) {
                ArrayNode array = JSON.arrayNode();
                for (Node item : seq.getValue()) {
                    String itemAt = pointer(at, Integer.toString(array.size()));
                    lines.put(itemAt, line(item));
                    array.add(convert(item, itemAt));
                }
                return array;
            }
            return scalar((ScalarNode) node);
        }

        private ObjectNode object(MappingNode map, String at) {
            ObjectNode object = JSON.objectNode();
            for (NodeTuple entry : map.getValue()) {
                if (!(entry.getKeyNode() instanceof ScalarNode keyNode)) {
                    problems.add(LintProblem.error(file, line(entry.getKeyNode()), "keys must be plain text"));
                    continue;
                }
                String key = keyNode.getValue();
                String keyAt = pointer(at, key);
                if (object.has(key)) {
                    problems.add(LintProblem.error(
                            file,
                            line(keyNode),
                            "duplicate key '" + key + "' (first at line " + lines.get(keyAt) + ")"));
                    continue;
                }
                lines.put(keyAt, line(keyNode));
                object.set(key, convert(entry.getValueNode(), keyAt));
            }
            return object;
        }

        /** Plain scalars keep the type YAML resolved (int, bool, null); dates and everything else stay text. */
        private static JsonNode scalar(ScalarNode node) {
            String text = node.getValue();
            Tag tag = node.getTag();
            try {
                if (Tag.INT.equals(tag)) {
                    return JSON.numberNode(Long.parseLong(text));
                }
                if (Tag.FLOAT.equals(tag)) {
                    return JSON.numberNode(Double.parseDouble(text));
                }
            } catch (NumberFormatException e) {
                return JSON.textNode(text); // hex, octal, 1_000: left for the schema to reject
            }
            if (Tag.BOOL.equals(tag)) {
                return JSON.booleanNode(TRUE.contains(text.toLowerCase(Locale.ROOT)));
            }
            if (Tag.NULL.equals(tag)) {
                return JSON.nullNode();
            }
            return JSON.textNode(text);
        }

        private static int line(Node node) {
            return node.getStartMark().getLine() + 1;
        }
    }
}
