package org.earlyhelp.hub.matching.engine;

/**
 * Which model and thresholds made a link, recorded with each link of the person index (issue 10, point 7): so a link
 * made under one model can be told from one made under a later model, and relinking is traceable.
 *
 * @param version {@link MatchSettings#version()} of the settings scored with
 */
public record ModelStamp(String version, double linkThreshold, double reviewThreshold) {

    public static ModelStamp of(MatchSettings settings) {
        return new ModelStamp(settings.version(), settings.linkThreshold(), settings.reviewThreshold());
    }
}
