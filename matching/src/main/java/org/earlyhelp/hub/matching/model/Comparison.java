package org.earlyhelp.hub.matching.model;

import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import org.earlyhelp.hub.matching.compare.ComparisonLevel;

/**
 * One named field comparison: how to grade a pair of records, and the ordered levels it can return (strongest first).
 * A level that {@link ComparisonLevel#isNull() is null} contributes weight 0.
 */
public final class Comparison {

    private final String name;
    private final List<ComparisonLevel> levels;
    private final BiFunction<PersonRecord, PersonRecord, ? extends ComparisonLevel> grade;

    private Comparison(
            String name,
            List<ComparisonLevel> levels,
            BiFunction<PersonRecord, PersonRecord, ? extends ComparisonLevel> grade) {
        this.name = Objects.requireNonNull(name, "name");
        this.levels = List.copyOf(levels);
        this.grade = Objects.requireNonNull(grade, "grade");
    }

    /** E.g. {@code Comparison.of("surname", NameComparator.Level.class, (a, b) -> names.compare(a.surname(), b.surname()))}. */
    public static <E extends Enum<E> & ComparisonLevel> Comparison of(
            String name, Class<E> levels, BiFunction<PersonRecord, PersonRecord, E> grade) {
        return new Comparison(name, List.of(levels.getEnumConstants()), grade);
    }

    public String name() {
        return name;
    }

    public List<ComparisonLevel> levels() {
        return levels;
    }

    public int levelCount() {
        return levels.size();
    }

    public boolean isNullLevel(int index) {
        return levels.get(index).isNull();
    }

    /** The index into {@link #levels()} of how this pair agrees on this field. */
    public int levelIndex(PersonRecord a, PersonRecord b) {
        return levels.indexOf(grade.apply(a, b));
    }

    @Override
    public String toString() {
        return "Comparison[" + name + ", levels=" + levels + "]";
    }
}
