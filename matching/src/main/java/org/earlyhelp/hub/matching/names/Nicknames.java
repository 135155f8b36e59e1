package org.earlyhelp.hub.matching.names;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The NHS England nickname table (MIT licence, {@code nicknames-LICENSE.txt}): each row is a name followed by its
 * variants, e.g. {@code william,willy,bell,bela,bill,will,billy,willie,wil}.
 *
 * <p>Two names are nicknames when one heads a row that lists the other. Merely appearing in the same row is not
 * enough: the row {@code bill,william,billy,robert,...} would otherwise make William and Robert interchangeable.
 */
public final class Nicknames {

    static final String RESOURCE = "nicknames.csv";

    private final Map<String, Set<String>> variantsByName;

    private Nicknames(Map<String, Set<String>> variantsByName) {
        this.variantsByName = variantsByName;
    }

    /** The copy of the table shipped in this jar. */
    public static Nicknames standard() {
        return Standard.INSTANCE;
    }

    public static Nicknames load(Path csv) {
        try (InputStream in = Files.newInputStream(csv)) {
            return read(in, csv.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read nickname table " + csv, e);
        }
    }

    /** Symmetric; a name is not its own nickname (that is an exact match). */
    public boolean areNicknames(String a, String b) {
        String x = NameNormaliser.normalise(a);
        String y = NameNormaliser.normalise(b);
        return !x.isEmpty() && !y.isEmpty() && !x.equals(y) && (lists(x, y) || lists(y, x));
    }

    /** As {@link #areNicknames(String, String)} for names already passed through {@link NameNormaliser#normalise}. */
    public boolean areNicknamesNormalised(String x, String y) {
        return !x.isEmpty() && !y.isEmpty() && !x.equals(y) && (lists(x, y) || lists(y, x));
    }

    private boolean lists(String name, String variant) {
        return variantsByName.getOrDefault(name, Set.of()).contains(variant);
    }

    private static Nicknames read(InputStream in, String source) throws IOException {
        Map<String, Set<String>> variantsByName = new HashMap<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        while ((line = reader.readLine()) != null) {
            String[] cells = line.split(",");
            String name = NameNormaliser.normalise(cells[0]);
            if (name.isEmpty()) {
                continue;
            }
            Set<String> variants = variantsByName.computeIfAbsent(name, n -> new HashSet<>());
            for (int i = 1; i < cells.length; i++) {
                String variant = NameNormaliser.normalise(cells[i]);
                if (!variant.isEmpty()) {
                    variants.add(variant);
                }
            }
        }
        if (variantsByName.isEmpty()) {
            throw new IllegalArgumentException("nickname table " + source + " has no rows");
        }
        return new Nicknames(Map.copyOf(variantsByName));
    }

    /** Loaded once, on first use. */
    private static final class Standard {
        static final Nicknames INSTANCE = loadResource();

        private static Nicknames loadResource() {
            try (InputStream in = Nicknames.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("nickname table " + RESOURCE + " is missing from the classpath");
                }
                return read(in, RESOURCE);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read nickname table " + RESOURCE, e);
            }
        }
    }
}
