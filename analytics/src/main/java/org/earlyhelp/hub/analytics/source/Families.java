package org.earlyhelp.hub.analytics.source;

import java.util.HashMap;
import java.util.Map;

/**
 * A partition of people into families: each person's family is the smallest person id among everyone joined to them by
 * a household or a relationship, followed as far as it goes (a union-find, so a million people take a few seconds).
 */
public final class Families {

    private final Map<String, String> parent = new HashMap<>();
    private Map<String, Integer> sizes;

    /** Adds a person with no one joined to them yet. */
    public void add(String person) {
        parent.putIfAbsent(person, person);
        sizes = null;
    }

    /** Joins two people's families. */
    public void join(String a, String b) {
        add(a);
        add(b);
        String ra = root(a);
        String rb = root(b);
        if (!ra.equals(rb)) {
            if (ra.compareTo(rb) < 0) {
                parent.put(rb, ra);
            } else {
                parent.put(ra, rb);
            }
        }
        sizes = null;
    }

    /** Whether the person was added (is in the person index). */
    public boolean contains(String person) {
        return parent.containsKey(person);
    }

    /** The family of a person (a person never added is a family of one). */
    public String familyOf(String person) {
        return parent.containsKey(person) ? root(person) : person;
    }

    public int size(String family) {
        if (sizes == null) {
            Map<String, Integer> s = new HashMap<>();
            for (String p : parent.keySet()) {
                s.merge(root(p), 1, Integer::sum);
            }
            sizes = s;
        }
        return sizes.getOrDefault(family, 1);
    }

    /** Everyone in {@code family} (the family id is its smallest person id), in id order. */
    public java.util.List<String> members(String family) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (String p : java.util.List.copyOf(parent.keySet())) {
            if (root(p).equals(family)) {
                out.add(p);
            }
        }
        if (out.isEmpty()) {
            out.add(family); // a person never added is a family of one
        }
        out.sort(null);
        return out;
    }

    /** How many families there are (a person alone is a family of one). */
    public long familyCount() {
        return parent.keySet().stream().filter(p -> root(p).equals(p)).count();
    }

    public int people() {
        return parent.size();
    }

    private String root(String p) {
        String r = p;
        while (!parent.get(r).equals(r)) {
            r = parent.get(r);
        }
        String q = p;
        while (!parent.get(q).equals(r)) {
            String next = parent.get(q);
            parent.put(q, r);
            q = next;
        }
        return r;
    }
}
