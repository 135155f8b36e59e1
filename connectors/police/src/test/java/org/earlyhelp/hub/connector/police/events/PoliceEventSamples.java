package org.earlyhelp.hub.connector.police.events;

/** Realistic bodies of each police event as a force's system posts them (synthetic people). */
final class PoliceEventSamples {

    private PoliceEventSamples() {}

    static final String MISSING =
            """
            {"reference": "MISPER/2026/0412", "event": "REPORTED_MISSING", "occurredAt": "2026-11-20T18:05:00Z",
             "riskLevel": "MEDIUM", "locationPostcode": "s40 2th", "officerNotes": "Left home after an argument",
             "people": [
               {"ref": "c1", "role": "CHILD", "givenName": "Kayden", "familyName": "Marsh",
                "dateOfBirth": "2011-06-14", "sex": "MALE", "nhsNumber": "3982597919", "schoolUrn": "123456",
                "address": {"lines": ["4 Holme Road"], "postcode": "S40 2TH", "uprn": "100030012345"}},
               {"ref": "p1", "role": "PARENT", "givenName": "Donna", "familyName": "Marsh"}]}
            """;

    static final String ASB =
            """
            {"reference": "ASB/2026/1187", "occurredAt": "2026-11-19T21:15:00Z", "category": "NUISANCE",
             "action": "ACCEPTABLE_BEHAVIOUR_CONTRACT", "locationPostcode": "S42 5LQ",
             "people": [
               {"ref": "c1", "role": "CHILD", "givenName": "Lacey", "familyName": "Dunn", "dateOfBirth": "2010-02-03",
                "sex": "FEMALE", "schoolUrn": "654321"},
               {"ref": "c2", "role": "CHILD", "givenName": "Mason", "familyName": "Dunn", "dateOfBirth": "2012-08-21"}]}
            """;

    static final String YOUTH =
            """
            {"reference": "YO/2026/0093", "occurredAt": "2026-11-18T10:00:00Z", "outcome": "REFERRAL_ORDER",
             "offenceGroup": "theft-offences",
             "youthJustice": {"team": "Chesterfield Youth Justice", "since": "2026-11-18"},
             "people": [
               {"ref": "c1", "role": "CHILD", "givenName": "Tyler", "familyName": "Booth", "dateOfBirth": "2009-09-30",
                "sex": "MALE", "nhsNumber": "8762328603"},
               {"ref": "p1", "role": "PARENT", "givenName": "Gemma", "familyName": "Booth"}]}
            """;
}
