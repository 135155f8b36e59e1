package org.earlyhelp.hub.governance.minimise;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.earlyhelp.hub.schema.HubRecord;
import org.earlyhelp.hub.schema.Withholding;

/**
 * What a record's provider withholds as more detrimental to the child than sharing it (the exception in the
 * Children's Wellbeing and Schools Act 2026 duty to share): the whole record, or some of its fields, each with a coded
 * reason. Every decision honours it after the agreement's own rules, so a withholding only ever narrows what leaves.
 * A withheld field the record's type does not have withholds the whole record: a provider's mistake in naming a field
 * never lets the field out.
 */
public record Withheld(boolean whole, Set<String> fields, Set<String> reasons) {

    public static final Withheld NOTHING = new Withheld(false, Set.of(), Set.of());

    public Withheld {
        fields = Set.copyOf(fields);
        reasons = Set.copyOf(reasons);
    }

    /** @param known the field paths of the record's type (the catalogue's) */
    public static Withheld of(HubRecord record, Set<String> known) {
        List<Withholding> marks = record.getWithheld();
        if (marks == null || marks.isEmpty()) {
            return NOTHING;
        }
        boolean whole = false;
        Set<String> fields = new TreeSet<>();
        Set<String> reasons = new TreeSet<>();
        for (Withholding w : marks) {
            reasons.add(w.getReason());
            if (w.getField() == null || !known.contains(w.getField())) {
                whole = true;
            } else {
                fields.add(w.getField());
            }
        }
        return new Withheld(whole, fields, reasons);
    }

    public boolean any() {
        return whole || !fields.isEmpty();
    }

    /** The fields less those withheld (nothing, when the whole record is). */
    public Map<String, String> apply(Map<String, String> released) {
        if (whole) {
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>(released);
        out.keySet().removeAll(fields);
        return out;
    }

    /** The ledger's words for it: never a value, only paths and codes. */
    public String reason() {
        return whole
                ? "withheld whole by the provider as more detrimental to the child (" + String.join(", ", reasons) + ")"
                : "withheld by the provider as more detrimental to the child: " + String.join(", ", fields) + " ("
                        + String.join(", ", reasons) + ")";
    }

    /** The ledger entry's details: {@code withheld} (the fields, or {@code record}) and {@code withheldReason}. */
    public Map<String, String> details() {
        return any()
                ? Map.of(
                        "withheld",
                        whole ? "record" : String.join(",", fields),
                        "withheldReason",
                        String.join(",", reasons))
                : Map.of();
    }
}
