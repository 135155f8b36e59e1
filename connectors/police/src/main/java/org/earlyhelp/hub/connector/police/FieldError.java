package org.earlyhelp.hub.connector.police;

/** One thing wrong with a request: where (a JSON path such as {@code people[0].dateOfBirth}) and why. */
public record FieldError(String field, String reason) {}
