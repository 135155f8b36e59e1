package org.earlyhelp.hub.connector.api;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The field names a request type documents, at any depth. An error names a key only if it is one of these, or one
 * edit or two from one (a misspelling): a key the sender made up may itself be personal data
 * ({@code {"Zephyrine": 1}}) and is shown as {@code ?}.
 */
final class KnownNames {

    private static final Map<Type, Set<String>> CACHE = new ConcurrentHashMap<>();

    private final Set<String> names;

    private KnownNames(Set<String> names) {
        this.names = names;
    }

    static KnownNames of(Type type) {
        return new KnownNames(CACHE.computeIfAbsent(type, t -> {
            Set<String> names = new HashSet<>();
            collect(t, names, new HashSet<>());
            return Set.copyOf(names);
        }));
    }

    /** The name as it may be shown, or {@code ?}. */
    String show(String name, boolean misspellingAllowed) {
        if (names.contains(name)) {
            return name;
        }
        if (misspellingAllowed && name.length() <= 64) {
            for (String known : names) {
                if (distance(known, name) <= 2 && known.length() > 4) {
                    return name;
                }
            }
        }
        return "?";
    }

    private static void collect(Type type, Set<String> names, Set<Type> seen) {
        if (type instanceof ParameterizedType p) {
            for (Type arg : p.getActualTypeArguments()) {
                collect(arg, names, seen);
            }
            collect(p.getRawType(), names, seen);
            return;
        }
        if (!(type instanceof Class<?> c)
                || !seen.add(c)
                || c.isPrimitive()
                || c.getName().startsWith("java.")) {
            return;
        }
        if (c.isRecord()) {
            for (RecordComponent rc : c.getRecordComponents()) {
                names.add(rc.getName());
                // a key renamed for JSON ({@code "Identifier"} in the DfE Person standard) is known by that name
                com.fasterxml.jackson.annotation.JsonProperty renamed =
                        rc.getAccessor().getAnnotation(com.fasterxml.jackson.annotation.JsonProperty.class);
                if (renamed != null && !renamed.value().isEmpty()) {
                    names.add(renamed.value());
                }
                collect(rc.getGenericType(), names, seen);
            }
            return;
        }
        for (Field f : c.getDeclaredFields()) {
            if (!Modifier.isStatic(f.getModifiers())) {
                names.add(f.getName());
                collect(f.getGenericType(), names, seen);
            }
        }
    }

    /** Levenshtein distance, for short names only. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
