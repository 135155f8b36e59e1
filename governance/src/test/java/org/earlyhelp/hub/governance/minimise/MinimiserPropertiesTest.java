package org.earlyhelp.hub.governance.minimise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.earlyhelp.hub.governance.TestRecords.adult;
import static org.earlyhelp.hub.governance.TestRecords.agreement;
import static org.earlyhelp.hub.governance.TestRecords.child;
import static org.earlyhelp.hub.governance.TestRecords.incident;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.earlyhelp.hub.governance.agreement.Agreement;
import org.earlyhelp.hub.governance.agreement.AgreementStatus;
import org.earlyhelp.hub.governance.agreement.ConsentRule;
import org.earlyhelp.hub.governance.agreement.FieldRule;
import org.earlyhelp.hub.schema.HubRecord;
import org.earlyhelp.hub.schema.Person;
import org.earlyhelp.hub.schema.Role;

/**
 * Over generated field rules (any subset of the record's fields and of fields it does not have, each allowed,
 * dropped, pseudonymised or generalised) and each person of the record as the subject: no field leaves that its
 * agreement does not name with a rule other than drop; an allowed field leaves exactly as held; a pseudonymised one
 * never carries its value; and the subject's view never carries another person of the subject's own role.
 */
class MinimiserPropertiesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 7, 15);
    static final FieldCatalogue CATALOGUE = new FieldCatalogue(org.earlyhelp.hub.testsupport.TestPayloads.CORE);
    static final Minimiser MINIMISER =
            new Minimiser(new Pseudonymiser("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII)));

    static final Person AMY = child("c1", "Amy", "Lowe", LocalDate.of(2016, 3, 10), "100001");
    static final Person BEN = child("c2", "Benedict", "Lowe", LocalDate.of(2019, 11, 2), "100002");
    static final Person VICTIM = adult("a1", Role.ADULT_VICTIM, "Carla", "Lowe", LocalDate.of(1990, 5, 6));
    static final Person PERPETRATOR = adult("p1", Role.PERPETRATOR, "Derek", "Stone", LocalDate.of(1988, 1, 20));
    static final HubRecord RECORD = incident("rec-1", List.of("c1"), AMY, BEN, VICTIM, PERPETRATOR);

    @Property(tries = 1000)
    void nothingLeavesThatTheAgreementDoesNotRelease(
            @ForAll("rules") Map<String, FieldRule> rules, @ForAll("subjects") Person subject) {
        Agreement a = agreement("generated", AgreementStatus.APPROVED, TODAY, TODAY, ConsentRule.NOT_REQUIRED, rules);
        RecordView view = RecordView.of(RECORD, subject, CATALOGUE);

        Map<String, String> released = MINIMISER.minimise(view, a, TODAY);

        for (Map.Entry<String, String> f : released.entrySet()) {
            FieldRule rule = rules.get(f.getKey());
            assertThat(rule).as(f.getKey() + " left without a rule").isNotNull();
            assertThat(rule.action()).as(f.getKey()).isNotEqualTo(FieldRule.Action.DROP);
            String held = Minimiser.render(view.values().get(f.getKey()));
            switch (rule.action()) {
                case ALLOW -> assertThat(f.getValue()).isEqualTo(held);
                case PSEUDONYMISE -> assertThat(f.getValue()).doesNotContain(held);
                default -> {}
            }
        }
        for (Map.Entry<String, FieldRule> r : rules.entrySet()) {
            if (r.getValue().action() == FieldRule.Action.ALLOW && view.values().get(r.getKey()) != null) {
                assertThat(released)
                        .as("an allowed field the record holds is released")
                        .containsKey(r.getKey());
            }
        }
        // one child's view never carries a sibling's name: only the subject's own role appears for it
        if (subject == AMY) {
            assertThat(String.join("|", released.values())).doesNotContain("Benedict");
        }
        if (subject == BEN) {
            assertThat(String.join("|", released.values())).doesNotContain("Amy");
        }
    }

    @Provide
    Arbitrary<Person> subjects() {
        return Arbitraries.of(AMY, BEN, VICTIM, PERPETRATOR);
    }

    @Provide
    Arbitrary<Map<String, FieldRule>> rules() {
        // each path with the rules its value can take (the lint refuses a generalisation a value cannot have)
        Map<String, List<FieldRule>> choices = new java.util.TreeMap<>();
        for (Person p : List.of(AMY, VICTIM)) {
            RecordView.of(RECORD, p, CATALOGUE).values().forEach((path, value) -> choices.put(path, rulesFor(value)));
        }
        choices.put("child.nickname", rulesFor("")); // named by an agreement but held by no record
        List<String> paths = List.copyOf(choices.keySet());
        return Arbitraries.subsetOf(paths).ofMinSize(1).flatMap(chosen -> {
            List<String> ordered = chosen.stream().sorted().toList();
            List<Arbitrary<FieldRule>> each = ordered.stream()
                    .map(path -> Arbitraries.of(choices.get(path)))
                    .toList();
            return net.jqwik.api.Combinators.combine(each).as(list -> {
                Map<String, FieldRule> m = new LinkedHashMap<>();
                for (int i = 0; i < ordered.size(); i++) {
                    m.put(ordered.get(i), list.get(i));
                }
                return m;
            });
        });
    }

    private static List<FieldRule> rulesFor(Object value) {
        List<FieldRule> rules = new ArrayList<>(List.of(FieldRule.ALLOW, FieldRule.DROP, FieldRule.PSEUDONYMISE));
        if (value instanceof LocalDate || value instanceof java.time.Instant) {
            rules.add(FieldRule.generalise(FieldRule.Generalisation.YEAR));
        }
        if (value instanceof LocalDate) {
            rules.add(FieldRule.generalise(FieldRule.Generalisation.AGE_BAND));
        }
        if (value instanceof org.earlyhelp.hub.schema.Address) {
            rules.add(FieldRule.generalise(FieldRule.Generalisation.POSTCODE_DISTRICT));
        }
        return rules;
    }
}
