package org.earlyhelp.hub.simulator.extracts;

import java.util.List;
import java.util.Map;
import java.util.Random;

/** A small built-in table of the familiar forms people give for their own or their children's names. */
final class Nicknames {

    private static final Map<String, List<String>> TABLE = Map.ofEntries(
            Map.entry("Katherine", List.of("Kate", "Katie", "Kath")),
            Map.entry("Catherine", List.of("Cath", "Cathy", "Kate")),
            Map.entry("Elizabeth", List.of("Liz", "Beth", "Lizzie", "Betty")),
            Map.entry("Margaret", List.of("Maggie", "Meg", "Peggy")),
            Map.entry("Jennifer", List.of("Jen", "Jenny")),
            Map.entry("Rebecca", List.of("Becky", "Becca")),
            Map.entry("Victoria", List.of("Vicky", "Tori")),
            Map.entry("Samantha", List.of("Sam", "Sammy")),
            Map.entry("Charlotte", List.of("Charlie", "Lottie")),
            Map.entry("Jessica", List.of("Jess", "Jessie")),
            Map.entry("Abigail", List.of("Abi", "Abby")),
            Map.entry("Amelia", List.of("Millie", "Amy")),
            Map.entry("Olivia", List.of("Liv", "Livvy")),
            Map.entry("Isabella", List.of("Bella", "Izzy")),
            Map.entry("Eleanor", List.of("Ellie", "Nell")),
            Map.entry("Susan", List.of("Sue", "Suzy")),
            Map.entry("Deborah", List.of("Debbie", "Deb")),
            Map.entry("William", List.of("Will", "Bill", "Billy", "Liam")),
            Map.entry("Robert", List.of("Rob", "Bob", "Robbie")),
            Map.entry("Richard", List.of("Rich", "Rick", "Dick")),
            Map.entry("James", List.of("Jim", "Jimmy", "Jamie")),
            Map.entry("Thomas", List.of("Tom", "Tommy")),
            Map.entry("Michael", List.of("Mike", "Mick", "Mikey")),
            Map.entry("Christopher", List.of("Chris", "Kit")),
            Map.entry("Daniel", List.of("Dan", "Danny")),
            Map.entry("Matthew", List.of("Matt")),
            Map.entry("Joseph", List.of("Joe", "Joey")),
            Map.entry("Benjamin", List.of("Ben", "Benji")),
            Map.entry("Alexander", List.of("Alex", "Xander")),
            Map.entry("Samuel", List.of("Sam", "Sammy")),
            Map.entry("Jonathan", List.of("Jon", "Jonny")),
            Map.entry("Anthony", List.of("Tony", "Ant")),
            Map.entry("Edward", List.of("Ed", "Eddie", "Ted")),
            Map.entry("Nicholas", List.of("Nick", "Nicky")),
            Map.entry("Andrew", List.of("Andy", "Drew")),
            Map.entry("Stephen", List.of("Steve")),
            Map.entry("Steven", List.of("Steve")),
            Map.entry("Charles", List.of("Charlie", "Chas")),
            Map.entry("Harry", List.of("Haz")),
            Map.entry("Oliver", List.of("Ollie", "Olly")),
            Map.entry("Frederick", List.of("Fred", "Freddie")),
            Map.entry("Henry", List.of("Harry", "Hal")),
            Map.entry("Joshua", List.of("Josh")),
            Map.entry("Zachary", List.of("Zach", "Zac")),
            Map.entry("Patrick", List.of("Pat", "Paddy")),
            Map.entry("Peter", List.of("Pete")),
            Map.entry("David", List.of("Dave", "Davey")),
            Map.entry("Gregory", List.of("Greg")),
            Map.entry("Timothy", List.of("Tim", "Timmy")),
            Map.entry("Nathan", List.of("Nate")),
            Map.entry("Jacob", List.of("Jake")),
            Map.entry("Lewis", List.of("Lew")),
            Map.entry("Emily", List.of("Em", "Emmy")),
            Map.entry("Sophie", List.of("Soph")),
            Map.entry("Natalie", List.of("Nat")),
            Map.entry("Alexandra", List.of("Alex", "Lexi", "Sandra")),
            Map.entry("Christine", List.of("Chris", "Chrissy")),
            Map.entry("Patricia", List.of("Pat", "Patsy", "Trish")));

    private Nicknames() {}

    /** A familiar form of the name, or the name itself when the table has none. */
    static String familiar(String name, Random random) {
        List<String> forms = TABLE.get(name);
        return forms == null ? name : forms.get(random.nextInt(forms.size()));
    }

    static boolean hasFamiliarForm(String name) {
        return TABLE.containsKey(name);
    }
}
