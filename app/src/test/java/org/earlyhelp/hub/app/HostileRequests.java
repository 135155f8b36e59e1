package org.earlyhelp.hub.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.earlyhelp.hub.connector.api.HostileJson;

/**
 * Every endpoint that takes a body, each with a valid body carrying distinctive personal data and hand-written hostile
 * variants of it; and a search of log files for that data. Shared by the tests that send hostile traffic to a hub.
 */
final class HostileRequests {

    /** One endpoint: how to call it, and a valid body to vary. */
    record Endpoint(String method, String path, String token, String valid) {}

    static final String SCHOOL_URN = "200001";

    static final String INCIDENT =
            """
            {"reference": "DA/HOSTILE/1", "occurredAt": "2026-11-22T21:40:00Z",
             "place": {"lines": ["12 Acacia Avenue"], "postcode": "S41 7AB"},
             "riskLevel": "MEDIUM", "officerNotes": "Quillfeather shouted",
             "people": [
               {"ref": "c1", "role": "CHILD", "givenName": "Zephyrine", "familyName": "Quillfeather",
                "dateOfBirth": "2013-07-19", "sex": "FEMALE", "nhsNumber": "4857773457", "schoolUrn": "%s",
                "present": true},
               {"ref": "a1", "role": "ADULT_VICTIM", "givenName": "Zephyrine", "familyName": "Quillfeather",
                "dateOfBirth": "1981-03-12"}]}"""
                    .formatted(SCHOOL_URN);

    static final String CASE_RECORD =
            """
            {"type": "case-involvement",
             "people": [{"ref": "c", "role": "CHILD", "givenName": "Zephyrine", "familyName": "Quillfeather",
                "dateOfBirth": "2013-07-19", "address": {"lines": ["12 Acacia Avenue"], "postcode": "S41 7AB"}},
               {"ref": "m", "role": "PARENT", "givenName": "Zephyrine", "familyName": "Quillfeather",
                "dateOfBirth": "1981-03-12"}],
             "caseInvolvement": {"caseType": "early-help", "status": "open", "openedOn": "2026-10-01",
                "relationships": [{"fromRef": "m", "toRef": "c", "kind": "PARENT_OF"}]}}""";

    static final String ATTENDANCE =
            """
            {"type": "school-attendance",
             "people": [{"ref": "p", "role": "CHILD", "givenName": "Zephyrine", "familyName": "Quillfeather",
                "dateOfBirth": "2013-07-19", "schoolUrn": "200001"}],
             "attendance": {"schoolUrn": "200001", "term": "2026-autumn", "attendancePercent": 84.5}}""";

    static final String HEALTH =
            """
            {"type": "health-involvement",
             "people": [{"ref": "h", "role": "CHILD", "givenName": "Zephyrine", "familyName": "Quillfeather",
                "dateOfBirth": "2013-07-19", "nhsNumber": "4857773457"}],
             "involvement": {"service": "school-nursing", "since": "2025-01-15", "clinicalNotes": "Quillfeather"}}""";

    static final String TENANCY =
            """
            {"people": [{"ref": "t1", "role": "PARENT", "givenName": "Zephyrine", "familyName": "Quillfeather",
                "dateOfBirth": "1981-03-12", "address": {"lines": ["12 Acacia Avenue"], "postcode": "S41 7AB"}}],
             "tenancy": {"reference": "CH/TEN/777001", "uprn": "100030777001", "startDate": "2019-08-12",
                "tenure": "SECURE", "provider": "chesterfield-homes", "notes": "Quillfeather"}}""";

    static final String MISSING_EPISODE =
            """
            {"reference": "MISPER/2026/7771", "event": "REPORTED_MISSING", "occurredAt": "2026-11-20T18:05:00Z",
             "riskLevel": "MEDIUM", "locationPostcode": "S40 2TH", "officerNotes": "Quillfeather",
             "people": [{"ref": "c1", "role": "CHILD", "givenName": "Zephyrine", "familyName": "Quillfeather",
                "dateOfBirth": "2013-07-19"}]}""";

    static List<Endpoint> endpoints(String caseRecordId) {
        return List.of(
                new Endpoint("POST", "/api/police/incidents", "police-dev-token", INCIDENT),
                new Endpoint("POST", "/api/casesystem/involvements", "casesystem-dev-token", CASE_RECORD),
                new Endpoint("POST", "/api/schools/attendance", "schools-dev-token", ATTENDANCE),
                new Endpoint("POST", "/api/health/involvements", "health-dev-token", HEALTH),
                new Endpoint("POST", "/api/housing/tenancies", "housing-dev-token", TENANCY),
                new Endpoint("POST", "/api/police/missing-episodes", "police-dev-token", MISSING_EPISODE),
                new Endpoint(
                        "POST",
                        "/api/consent",
                        "casesystem-dev-token",
                        "{\"record\": \"" + caseRecordId + "\", \"person\": \"c\","
                                + " \"agreement\": \"health-to-casesystem-family-view\", \"given\": true}"),
                new Endpoint(
                        "PUT",
                        "/api/directory/schools/777777",
                        "governance-dev-token",
                        "{\"name\": \"Zephyrine Quillfeather Primary\", \"endpoint\": \"http://localhost:9/x\"}"),
                new Endpoint(
                        "POST",
                        "/api/ledger/people/search",
                        "governance-dev-token",
                        "{\"givenName\": \"Zephyrine\", \"familyName\": \"Quillfeather\","
                                + " \"dateOfBirth\": \"2013-07-19\"}"),
                new Endpoint(
                        "POST",
                        "/api/matching/reviews/1",
                        "governance-dev-token",
                        "{\"decision\": \"SAME_PERSON\", \"reviewer\": \"Zephyrine Quillfeather\"}"),
                new Endpoint(
                        "POST",
                        "/api/matching/people/00000000-0000-0000-0000-000000000001/split",
                        "governance-dev-token",
                        "{\"recordKeys\": [\"casesystem/" + caseRecordId + "#c\"], \"reason\": \"Zephyrine\","
                                + " \"reviewer\": \"Zephyrine Quillfeather\"}"),
                new Endpoint(
                        "POST", "/api/agreements/reload", "governance-dev-token", "{\"Zephyrine\": \"2013-07-19\"}"));
    }

    /** The review's hostile variants: a name in an enum field, a date in the wrong format, U+0000, and so on. */
    static List<String> handWritten(String valid) {
        List<String> v = new ArrayList<>();
        v.add(valid.replaceFirst(
                "\"(CHILD|SAME_PERSON|case-involvement|school-attendance|health-involvement)\"", "\"Zephyrine\""));
        v.add(valid.replaceFirst("\"FEMALE\"", "\"Zephyrine\""));
        v.add(valid.replace("2013-07-19", "19/07/2013"));
        v.add(valid.replace("2013-07-19", "2013-07-19T00:00:00"));
        v.add(valid.replace("2013-07-19", "-999999-01-01"));
        v.add(valid.replace("2013-07-19", "2013-02-30"));
        v.add(valid.replaceFirst("Zephyrine", "Zephyrine\\\\u0000"));
        v.add(valid.replaceFirst("Quillfeather", "Quill\\\\u0000feather"));
        v.add(valid.replaceFirst("Quillfeather", "Quill\u0000feather\u001f"));
        v.add(valid.replaceFirst("\\{", "{\"givenName\": \"Zephyrine\", \"givenName\": \"Zephyrine\", "));
        v.add(valid.replaceFirst("\"givenName\"", "\"givenName\": \"Zephyrine\", \"givenName\""));
        v.add(valid.replace("\"dateOfBirth\"", "\"dateOfBrith\""));
        v.add(valid.replaceFirst("\\{", "{\"Zephyrine\": \"2013-07-19\", "));
        v.add(valid.replaceFirst("Zephyrine", "Zephyrine".repeat(2_000)));
        v.add(valid.replaceFirst("Zephyrine", "Zephyrine".repeat(40_000)));
        v.add(valid.replaceFirst("\"Zephyrine\"", "12345"));
        v.add(valid.replaceFirst("true", "\"Zephyrine\""));
        v.add(valid + " {\"Zephyrine\": 1}");
        v.add(valid.substring(0, valid.length() / 2));
        v.add("Zephyrine Quillfeather 2013-07-19");
        return v;
    }

    /** Lines of the files under {@code dir} (recursively) that hold any marker. */
    static List<String> hits(Path dir) {
        if (!Files.exists(dir)) {
            return List.of();
        }
        List<String> hits = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                hits.addAll(hitsIn(f));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return hits;
    }

    static List<String> hitsIn(Path file) {
        try {
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            List<String> hits = new ArrayList<>();
            for (String line : text.split("\n")) {
                for (String marker : HostileJson.MARKERS) {
                    if (line.contains(marker) || line.contains("Quill")) {
                        hits.add(file.getFileName() + ": " + line.substring(0, Math.min(line.length(), 300)));
                        break;
                    }
                }
            }
            return hits;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
