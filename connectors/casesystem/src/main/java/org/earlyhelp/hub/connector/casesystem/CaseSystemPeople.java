package org.earlyhelp.hub.connector.casesystem;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.earlyhelp.hub.connector.api.FieldError;
import org.earlyhelp.hub.connector.api.inbound.PersonInput;

/** Small checks every case-system body shares: refs that name people of the record, once each. */
final class CaseSystemPeople {

    private CaseSystemPeople() {}

    static Set<String> refs(List<PersonInput> people) {
        return refsOf(people, PersonInput::ref);
    }

    static <P> Set<String> refsOf(List<P> people, Function<P, String> ref) {
        Set<String> refs = new LinkedHashSet<>();
        people.forEach(p -> refs.add(ref.apply(p)));
        return refs;
    }

    /** Each ref of {@code named} must be a person of the record, named once. */
    static List<FieldError> unknownRefs(List<String> named, Set<String> refs, String path) {
        List<FieldError> problems = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < named.size(); i++) {
            if (!refs.contains(named.get(i))) {
                problems.add(new FieldError(path + "[" + i + "]", "names no person of this record"));
            } else if (!seen.add(named.get(i))) {
                problems.add(new FieldError(path + "[" + i + "]", "is named twice"));
            }
        }
        return problems;
    }

    static String stripped(String text) {
        return text == null ? null : text.strip();
    }
}
