package org.earlyhelp.hub.analytics.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How counts are protected before they leave: counts from {@code suppressFrom} to {@code suppressTo} are suppressed,
 * every other count is rounded to the nearest {@code roundTo}, and (with {@code secondary}) more cells are suppressed
 * until no suppressed cell can be worked out from its table's margins.
 */
public record DisclosureProfile(int suppressFrom, int suppressTo, int roundTo, boolean secondary) {

    /** The default: suppress 1 to 7, round to the nearest 5, secondary suppression on. */
    public static final DisclosureProfile DEFAULT = new DisclosureProfile(1, 7, 5, true);

    public DisclosureProfile {
        if (suppressFrom < 1 || suppressTo < suppressFrom) {
            throw new IllegalArgumentException("suppress must be a range from 1 up, e.g. {from: 1, to: 7}");
        }
        if (roundTo < 1) {
            throw new IllegalArgumentException("round-to must be 1 (no rounding) or more");
        }
    }

    public boolean small(long count) {
        return count >= suppressFrom && count <= suppressTo;
    }

    /** Rounded half up to the nearest {@link #roundTo}. */
    public long round(long count) {
        return Math.floorDiv(count + roundTo / 2, roundTo) * roundTo;
    }

    /**
     * Reads a profile: {@code suppress: {from: 1, to: 7}}, {@code round-to: 5}, {@code secondary: true}.
     *
     * @throws IllegalArgumentException naming the file and what is wrong
     */
    public static DisclosureProfile read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
            if (root == null || !root.isObject()) {
                throw new IllegalArgumentException(file + ": expected suppress, round-to and secondary");
            }
            root.fieldNames().forEachRemaining(k -> {
                if (!k.equals("suppress") && !k.equals("round-to") && !k.equals("secondary")) {
                    throw new IllegalArgumentException(
                            file + ": unknown key '" + k + "': use suppress, round-to and secondary");
                }
            });
            JsonNode suppress = root.path("suppress");
            return new DisclosureProfile(
                    suppress.path("from").asInt(DEFAULT.suppressFrom),
                    suppress.path("to").asInt(DEFAULT.suppressTo),
                    root.path("round-to").asInt(DEFAULT.roundTo),
                    root.path("secondary").asBoolean(DEFAULT.secondary));
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read", e);
        } catch (IllegalArgumentException e) {
            throw e.getMessage().startsWith(file.toString())
                    ? e
                    : new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }
}
