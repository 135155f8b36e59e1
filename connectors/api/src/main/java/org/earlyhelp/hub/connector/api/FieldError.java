package org.earlyhelp.hub.connector.api;

/**
 * One thing wrong with a request: where (a JSON path such as {@code people[0].dateOfBirth}, {@code $} for the whole
 * body, or null when no field is to blame) and why, in words that never quote what was sent.
 */
public record FieldError(String field, String reason) {}
