package org.earlyhelp.hub.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.earlyhelp.hub.analytics.criteria.CriteriaVocabulary;
import org.earlyhelp.hub.analytics.criteria.NeedCriteria;
import org.earlyhelp.hub.analytics.needs.FamilyNeeds;
import org.earlyhelp.hub.analytics.needs.NeedsIdentifier;
import org.earlyhelp.hub.analytics.needs.Observation;
import org.earlyhelp.hub.analytics.needs.PersonNeeds;
import org.earlyhelp.hub.analytics.report.Areas;
import org.earlyhelp.hub.analytics.report.NeedsAnalysis;
import org.earlyhelp.hub.analytics.source.HubPopulation;
import org.earlyhelp.hub.app.cli.HubCommandLine;
import org.earlyhelp.hub.governance.minimise.FieldCatalogue;
import org.earlyhelp.hub.schema.codec.RecordCodec;
import org.earlyhelp.hub.simulator.population.Family;
import org.earlyhelp.hub.simulator.population.Member;
import org.earlyhelp.hub.simulator.population.SyntheticPopulation;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Identification of needs checked against the simulator's ground truth. A synthetic population's partners post, over
 * real HTTP to the running hub, the records that show the needs the scenario gave each family (a child's attendance
 * under 90%, a domestic abuse incident, a notice seeking possession, rent arrears) among records that show none; the hub
 * matches them into people and families as it does any traffic. "Family has three or more needs" is then judged with
 * the true identities (each record's people as the simulator made them: precision and recall must be 1.0) and with
 * the hub's own matching (measured and printed). The command line then writes the tables and charts from the same
 * database, and no count from 1 to 7 is in them; the analyst's console pages show the same published tables and
 * charts and export the same dataset, to the analyst only.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "hub.embedded.data-dir=target/it-data/${random.uuid}",
            "hub.agreements.dir=${user.dir}/../agreements",
            "hub.simulator.enabled=false",
            "hub.pseudonymisation.key=" + AnalyticsNeedsIT.KEY
        })
class AnalyticsNeedsIT {

    /** Random bytes, not the development key: the export command refuses that outside the embedded run. */
    static final String KEY = "q7H2mX9vL4tR8wZ1cN6bP3sK5yD0fG2hJ4kM7nQ9rT1=";

    static final int FAMILIES = 60;
    static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    static final String URN = "123456";
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Autowired
    RecordCodec codec;

    @Autowired
    FieldCatalogue catalogue;

    @Value("${spring.datasource.url}")
    String jdbcUrl;

    @Value("${spring.datasource.username}")
    String dbUser;

    @Value("${spring.datasource.password}")
    String dbPassword;

    @Value("${hub.embedded.data-dir}")
    String dataDir;

    /** The true person of each (record id, ref), and each true person's family. */
    final Map<String, String> truePerson = new HashMap<>();

    final Map<String, String> trueFamily = new HashMap<>();
    /** The outcomes the scenario gave each true family. */
    final Map<String, Set<String>> trueNeeds = new TreeMap<>();

    int people;

    /** Children the case system posted an early help case for, open this month. */
    int earlyHelpChildren;

    @Test
    void familiesWithThreeOrMoreNeedsAreFoundWithTheTrueIdentitiesExactlyAndMeasuredWithTheHubsMatching()
            throws Exception {
        SyntheticPopulation population = SyntheticPopulation.generate(20261204L, FAMILIES, TODAY);
        Random random = new Random(7);
        for (Family family : population.families()) {
            post(family, random);
        }
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        await().atMost(Duration.ofMinutes(3)).untilAsserted(() -> assertThat(jdbc.queryForObject(
                        "select count(*) from hub_record_person p join person_record r on r.record_key = p.record_key",
                        Integer.class))
                .isEqualTo(people));

        NeedCriteria criteria = NeedCriteria.shipped(CriteriaVocabulary.of(catalogue));
        NeedsIdentifier identifier = new NeedsIdentifier(criteria);
        HubPopulation hub = new HubPopulation(dataSource, codec, catalogue);
        Set<String> truth = new TreeSet<>();
        trueNeeds.forEach((family, needs) -> {
            if (needs.size() >= 3) {
                truth.add(family);
            }
        });
        assertThat(truth).as("the scenario lists some families and not others").isNotEmpty();
        assertThat(truth.size()).isLessThan(FAMILIES);

        // with the true identities: the records regrouped by the simulator's people and families
        Map<String, List<Observation>> byTruePerson = new TreeMap<>();
        hub.forEachPerson(
                criteria.types(),
                p -> p.observations().forEach(o -> byTruePerson
                        .computeIfAbsent(truePerson.get(o.recordId() + "#" + o.ref()), k -> new ArrayList<>())
                        .add(o)),
                n -> {});
        Map<String, List<PersonNeeds>> byTrueFamily = new TreeMap<>();
        byTruePerson.forEach((person, observations) -> byTrueFamily
                .computeIfAbsent(trueFamily.get(person), f -> new ArrayList<>())
                .add(identifier.person(person, trueFamily.get(person), observations, TODAY)));
        Set<String> listedWithTruth = new TreeSet<>();
        byTrueFamily.forEach((family, members) -> {
            FamilyNeeds f = identifier.family(family, members.size(), members);
            assertThat(f.active()).as("family %s", family).isEqualTo(trueNeeds.getOrDefault(family, Set.of()));
            if (f.listed()) {
                listedWithTruth.add(family);
            }
        });
        double[] truthScores = score(listedWithTruth, truth);
        assertThat(truthScores).as("precision and recall with true identities").containsExactly(1.0, 1.0);

        // with the hub's own matching: each listed family judged by the true family most of its records are about
        NeedsAnalysis.Result result = NeedsAnalysis.run(hub, identifier, Areas.postcodeDistricts(), TODAY, 12, n -> {});
        Map<String, String> recordsOfPerson = new HashMap<>();
        jdbc.query(
                "select r.person_id::text, p.record_id, p.person_ref from hub_record_person p"
                        + " join person_record r on r.record_key = p.record_key",
                rs -> {
                    recordsOfPerson.merge(
                            rs.getString(1), rs.getString(2) + "#" + rs.getString(3), (a, b) -> a + " " + b);
                });
        Set<String> listedWithHub = new TreeSet<>();
        int falseLists = 0;
        for (FamilyNeeds f : result.listed()) {
            Map<String, Integer> votes = new HashMap<>();
            for (PersonNeeds p : f.people()) {
                for (String key : recordsOfPerson.getOrDefault(p.personId(), "").split(" ")) {
                    String person = truePerson.get(key);
                    if (person != null) {
                        votes.merge(trueFamily.get(person), 1, Integer::sum);
                    }
                }
            }
            String family = votes.entrySet().stream()
                    .max(Map.Entry.comparingByValue())
                    .map(Map.Entry::getKey)
                    .orElse(null);
            if (family == null || !listedWithHub.add(family) || !truth.contains(family)) {
                falseLists++;
            }
        }
        int listed = result.listed().size();
        double precision = listed == 0 ? 1.0 : (double) (listed - falseLists) / listed;
        Set<String> found = new HashSet<>(listedWithHub);
        found.retainAll(truth);
        double recall = (double) found.size() / truth.size();
        System.out.printf(
                "analytics: %d families, %d true with 3+ needs; true identities precision %.3f recall %.3f;"
                        + " hub matching precision %.3f recall %.3f (%d hub families listed)%n",
                FAMILIES, truth.size(), truthScores[0], truthScores[1], precision, recall, listed);
        assertThat(recall).as("recall with the hub's matching").isGreaterThanOrEqualTo(0.8);
        assertThat(precision).as("precision with the hub's matching").isGreaterThanOrEqualTo(0.8);

        // the command line writes the tables and charts, with nothing from 1 to 7 in them
        Path out = Files.createTempDirectory("needs");
        StringWriter printed = new StringWriter();
        int status = HubCommandLine.run(
                new String[] {
                    "analytics",
                    "needs",
                    "--jdbc-url",
                    jdbcUrl,
                    "--user",
                    dbUser,
                    "--password=" + dbPassword,
                    "--output",
                    out.toString(),
                    "--quiet"
                },
                new PrintWriter(printed),
                new PrintWriter(printed));
        assertThat(status).as(printed.toString()).isZero();
        assertThat(out.resolve("people-with-needs-by-area.csv")).exists();
        assertThat(out.resolve("families-with-three-or-more-needs-by-area.svg"))
                .content()
                .startsWith("<svg");
        for (String table :
                List.of("people-with-needs-by-area.csv", "families-by-needs-and-area.csv", "needs-by-month.csv")) {
            List<String> lines = Files.readAllLines(out.resolve(table));
            for (String line : lines.subList(1, lines.size())) {
                for (String cell : line.split(",", -1)) {
                    if (cell.matches("[0-9]+")) {
                        assertThat(Long.parseLong(cell)).as(table + ": " + line).matches(v -> v == 0 || v > 7);
                    }
                }
            }
        }
        String everything = Files.readString(out.resolve("people-with-needs-by-area.csv"));
        for (Family family : population.families()) {
            for (Member m : family.members()) {
                assertThat(everything).doesNotContain(m.familyName());
            }
        }

        // the dataset: only under the analytics agreement, pseudonymised per project, with no direct identifier
        Path first = export("needs-dataset-to-council-analysts", "needs-assessment-2026", 0);
        Path again = export("needs-dataset-to-council-analysts", "needs-assessment-2026", 0);
        Path other = export("needs-dataset-to-council-analysts", "family-help-evaluation", 0);
        String dataset = Files.readString(first.resolve("dataset.csv"));
        for (Family family : population.families()) {
            assertThat(dataset)
                    .doesNotContain(
                            family.address().postcode(),
                            family.address().lines().get(0));
            if (family.address().uprn() != null) {
                assertThat(dataset).doesNotContain(family.address().uprn());
            }
            for (Member m : family.members()) {
                assertThat(dataset)
                        .doesNotContain(
                                m.givenName(), m.familyName(), m.dateOfBirth().toString());
                if (m.nhsNumber() != null) {
                    assertThat(dataset).doesNotContain(m.nhsNumber());
                }
                assertThat(dataset).as("no UPN").doesNotContain(upn(m));
            }
        }
        assertThat(dataset.lines().findFirst().orElseThrow())
                .contains("needs.person", "needs.date-of-birth", "needs.postcode", "needs.match-strength");
        Set<String> a = pseudonyms(first);
        assertThat(a).hasSize(Files.readAllLines(first.resolve("dataset.csv")).size() - 1);
        assertThat(pseudonyms(again)).as("one project's pseudonyms are stable").isEqualTo(a);
        assertThat(pseudonyms(other)).as("two projects' pseudonyms differ").doesNotContainAnyElementsOf(a);
        assertThat(Files.readString(first.resolve("data-dictionary.csv")))
                .contains("needs.person,needs.person,text,pseudonymise");
        // the same release as Parquet (a local file: no Hadoop runs), typed, with the same pseudonyms
        Path parquet = export("needs-dataset-to-council-analysts", "needs-assessment-2026", 0, "parquet");
        List<org.apache.avro.generic.GenericRecord> records = readParquet(parquet.resolve("dataset.parquet"));
        assertThat(records).hasSize(a.size());
        assertThat(records.stream().map(r -> r.get("person").toString())).containsExactlyInAnyOrderElementsOf(a);
        assertThat(records.get(0).get("family_needs")).isInstanceOf(Integer.class);
        String parquetText = records.toString();
        for (Family family : population.families()) {
            assertThat(parquetText).doesNotContain(family.address().postcode());
            for (Member m : family.members()) {
                assertThat(parquetText)
                        .doesNotContain(m.familyName(), m.dateOfBirth().toString(), upn(m));
            }
        }
        assertThat(Files.readString(parquet.resolve("data-dictionary.csv")))
                .contains("needs.family-needs,family_needs,int,allow");

        Integer permits = jdbc.queryForObject(
                "select count(*) from ledger_entry where entry_type = 'EXPORT' and details->>'decision' = 'PERMIT'"
                        + " and details->>'rows' = ?",
                Integer.class,
                String.valueOf(a.size()));
        assertThat(permits).isEqualTo(4);
        // an agreement that licenses no dataset, and a project the agreement does not name: refused, ledgered DENY
        export("police-to-schools-domestic-abuse", "needs-assessment-2026", 1);
        export("needs-dataset-to-council-analysts", "marketing", 1);
        assertThat(jdbc.queryForObject(
                        "select count(*) from ledger_entry where entry_type = 'EXPORT' and details->>'decision' = 'DENY'",
                        Integer.class))
                .isEqualTo(2);

        // the same through the console, as the council's analyst
        theAnalystsConsole(population, out, a);

        theEvidencePack(population, result.listed(), first);

        theScorecard(population);
    }

    /**
     * An auditor's evidence pack for a listed family, named by a member's person id and then by the family's pseudonym
     * in an export: every evidence record is one the hub holds from that provider, every ledger entry it cites names
     * that record with the hash the ledger holds, nobody without a need is named, and each search is a QUERY entry.
     */
    private void theEvidencePack(SyntheticPopulation population, List<FamilyNeeds> all, Path export) throws Exception {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        // the list of families to act on, with the reasons
        Path list = Files.createTempDirectory("listed");
        StringWriter printed = new StringWriter();
        int status = HubCommandLine.run(
                new String[] {
                    "analytics",
                    "evidence",
                    "--listed",
                    "--auditor",
                    "internal-audit",
                    "--jdbc-url",
                    jdbcUrl,
                    "--user",
                    dbUser,
                    "--password=" + dbPassword,
                    "--chain-key-file",
                    Path.of(dataDir, "keys", "ledger-chain.key").toString(),
                    "--output",
                    list.toString(),
                    "--quiet"
                },
                new PrintWriter(printed),
                new PrintWriter(printed));
        assertThat(status).as(printed.toString()).isZero();
        List<org.apache.commons.csv.CSVRecord> families = csv(list.resolve("listed-families.csv"));
        assertThat(families.stream().map(r -> r.get("family")))
                .as("the families the hub lists, each once")
                .containsExactlyElementsOf(
                        all.stream().map(FamilyNeeds::familyId).toList());
        for (var row : families) {
            assertThat(Integer.parseInt(row.get("active_needs"))).isGreaterThanOrEqualTo(3);
            assertThat(row.get("reasons")).contains(row.get("needs").split(";")[0] + ": ");
        }
        assertThat(jdbc.queryForObject(
                        "select details->>'families' from ledger_entry where entry_type = 'QUERY'"
                                + " and details->>'query' = 'listed-families'",
                        String.class))
                .isEqualTo(String.valueOf(all.size()));
        FamilyNeeds listed = all.get(0);
        Path byPerson = evidence(0, "--person", listed.familyId());
        List<String> about = Files.readAllLines(byPerson.resolve("about.txt"));
        assertThat(about.get(0)).contains("family " + listed.familyId(), ": listed");
        assertThat(String.join("\n", about)).contains("the chain verified intact");
        Set<String> withNeeds = new TreeSet<>();
        listed.people().forEach(p -> withNeeds.add(p.personId()));
        List<org.apache.commons.csv.CSVRecord> needs = csv(byPerson.resolve("needs.csv"));
        assertThat(needs.stream().map(r -> r.get("person")).collect(java.util.stream.Collectors.toSet()))
                .as("the members with a need, and no one else")
                .isEqualTo(withNeeds);
        assertThat(needs.stream().filter(r -> r.get("status").equals("active")).map(r -> r.get("outcome")))
                .containsAll(listed.active());
        List<org.apache.commons.csv.CSVRecord> evidence = csv(byPerson.resolve("evidence.csv"));
        assertThat(evidence).isNotEmpty();
        Map<Long, String> citedHashes = new HashMap<>();
        for (var row : csv(byPerson.resolve("ledger.csv"))) {
            citedHashes.put(Long.parseLong(row.get("seq")), row.get("hash"));
            assertThat(jdbc.queryForObject(
                            "select count(*) from ledger_entry where seq = ? and record_id = ? and hash = ?",
                            Integer.class,
                            Long.parseLong(row.get("seq")),
                            row.get("record_id"),
                            row.get("hash")))
                    .as("ledger entry %s as the ledger holds it", row.get("seq"))
                    .isEqualTo(1);
        }
        int cited = 0;
        for (var row : evidence) {
            assertThat(jdbc.queryForObject(
                            "select count(*) from hub_record r join hub_record_person p on p.record_id = r.record_id"
                                    + " join person_record pr on pr.record_key = p.record_key"
                                    + " where r.record_id = ? and r.type = ? and pr.person_id = ?::uuid",
                            Integer.class,
                            row.get("record_id"),
                            row.get("type"),
                            row.get("person")))
                    .as("record %s is held, of that type, about that person", row.get("record_id"))
                    .isEqualTo(1);
            assertThat(row.get("joined_by")).isNotBlank();
            for (String seq : row.get("ledger_entries").split(";")) {
                if (!seq.isEmpty()) {
                    assertThat(citedHashes).containsKey(Long.parseLong(seq));
                    cited++;
                }
            }
        }
        Set<String> records = new TreeSet<>();
        evidence.forEach(r -> records.add(r.get("record_id")));
        Integer inLedger = jdbc.queryForObject(
                "select count(*) from ledger_entry where record_id = any(?)", Integer.class, (Object)
                        records.toArray(String[]::new));
        assertThat(citedHashes)
                .as("every ledger entry naming an evidence record")
                .hasSize(inLedger);
        assertThat(cited).isGreaterThanOrEqualTo(inLedger);
        String everything = Files.readString(byPerson.resolve("evidence.csv"))
                + Files.readString(byPerson.resolve("needs.csv"))
                + Files.readString(byPerson.resolve("ledger.csv"));
        for (Family family : population.families()) {
            for (Member m : family.members()) {
                assertThat(everything)
                        .doesNotContain(m.familyName(), m.dateOfBirth().toString());
            }
        }

        // from the export: the family's pseudonym leads back to the same family
        List<String> rows = Files.readAllLines(export.resolve("dataset.csv"));
        List<String> header = List.of(rows.get(0).split(","));
        String familyPseudonym = null;
        String personPseudonym = null;
        for (var row : csv(export.resolve("dataset.csv"))) {
            if (Integer.parseInt(row.get("needs.family-needs")) >= 3 && familyPseudonym == null) {
                familyPseudonym = row.get("needs.family");
                personPseudonym = row.get("needs.person");
            }
        }
        assertThat(header).contains("needs.family");
        assertThat(familyPseudonym).isNotNull();
        Path byPseudonym = evidence(0, "--pseudonym", familyPseudonym);
        String family = Files.readAllLines(byPseudonym.resolve("about.txt")).get(0);
        Path byPersonPseudonym = evidence(0, "--pseudonym", personPseudonym);
        assertThat(Files.readAllLines(byPersonPseudonym.resolve("about.txt")).get(0))
                .as("a person's pseudonym finds their family")
                .isEqualTo(family);
        assertThat(family).contains(": listed");
        evidence(1, "--person", java.util.UUID.randomUUID().toString());
        evidence(1, "--pseudonym", "not-a-pseudonym");
        assertThat(jdbc.queryForList(
                        "select details->>'found' from ledger_entry where entry_type = 'QUERY'"
                                + " and details->>'query' = 'evidence-pack' order by seq",
                        String.class))
                .containsExactly("true", "true", "true", "false", "false");

        // the same pack in the console, as the council's auditor, found from the export's pseudonym
        ConsoleHttp auditor = ConsoleHttp.signedIn(port, "auditor", PASSWORD);
        assertThat(auditor.get("/console").body()).contains("href=\"/console/evidence\"");
        HttpResponse<String> shown = auditor.post(
                "/console/evidence",
                "/console/evidence",
                Map.of(
                        "pseudonym",
                        familyPseudonym,
                        "agreement",
                        "needs-dataset-to-council-analysts",
                        "project",
                        "needs-assessment-2026"));
        assertThat(shown.statusCode()).isEqualTo(200);
        String main = shown.body()
                .substring(shown.body().indexOf("<main"), shown.body().indexOf("</main>"));
        assertThat(main).contains(family, "the chain verified intact");
        int start = main.indexOf("id=\"evidence\"");
        String table = main.substring(start, main.indexOf("</table>", start));
        assertThat(table.split("<tr class=\"govuk-table__row\">", -1).length - 2)
                .as("the page's evidence rows are the command line's")
                .isEqualTo(csv(byPseudonym.resolve("evidence.csv")).size());
        HttpResponse<byte[]> zip = auditor.postForBytes(
                "/console/evidence", "/console/evidence", Map.of("person", listed.familyId(), "download", "zip"));
        assertThat(zip.headers().firstValue("Content-Type").orElse("")).startsWith("application/zip");
        Map<String, String> files = unzip(zip.body());
        assertThat(files).containsOnlyKeys("needs.csv", "evidence.csv", "ledger.csv", "about.txt");
        assertThat(files.get("evidence.csv")).isEqualTo(Files.readString(byPerson.resolve("evidence.csv")));
        assertThat(auditor.post("/console/evidence", "/console/evidence", Map.of("person", "not-an-id"))
                        .body())
                .contains("A person id is a UUID");
        assertThat(jdbc.queryForObject(
                        "select count(*) from ledger_entry where entry_type = 'QUERY' and actor = ?"
                                + " and details->>'query' = 'evidence-pack'",
                        Integer.class,
                        "console:auditor (council)"))
                .as("each console search ledgered with the auditor; a refused input searches nothing")
                .isEqualTo(2);
    }

    private Path evidence(int expected, String how, String who) throws Exception {
        Path out = Files.createTempDirectory("evidence");
        Path key = Files.writeString(Files.createTempFile("key", ".txt"), KEY);
        StringWriter printed = new StringWriter();
        List<String> args = new ArrayList<>(List.of(
                "analytics",
                "evidence",
                how,
                who,
                "--auditor",
                "internal-audit",
                "--jdbc-url",
                jdbcUrl,
                "--user",
                dbUser,
                "--password=" + dbPassword,
                "--chain-key-file",
                Path.of(dataDir, "keys", "ledger-chain.key").toString(),
                "--checkpoint-dir",
                Path.of(dataDir, "ledger-checkpoints").toString(),
                "--pseudonymisation-key-file",
                key.toString(),
                "--output",
                out.toString()));
        if (how.equals("--pseudonym")) {
            args.addAll(
                    List.of("--agreement", "needs-dataset-to-council-analysts", "--project", "needs-assessment-2026"));
        }
        int status =
                HubCommandLine.run(args.toArray(String[]::new), new PrintWriter(printed), new PrintWriter(printed));
        assertThat(status).as(printed.toString()).isEqualTo(expected);
        return out;
    }

    private static List<org.apache.commons.csv.CSVRecord> csv(Path file) throws Exception {
        try (var reader = Files.newBufferedReader(file)) {
            return org.apache.commons.csv.CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(reader)
                    .getRecords();
        }
    }

    /** The scorecard: children in early help this month as posted, after disclosure control, with the rate. */
    private void theScorecard(SyntheticPopulation population) throws Exception {
        Path out = Files.createTempDirectory("scorecard");
        StringBuilder csv = new StringBuilder("area,under-18s\n");
        population.families().stream()
                .map(f -> Areas.district(f.address().postcode()))
                .distinct()
                .forEach(d -> csv.append(d).append(",1000\n"));
        Path under18s = Files.writeString(Files.createTempFile("population", ".csv"), csv);
        StringWriter printed = new StringWriter();
        String month = java.time.YearMonth.from(TODAY).toString();
        int status = HubCommandLine.run(
                new String[] {
                    "analytics",
                    "scorecard",
                    "--from",
                    java.time.YearMonth.from(TODAY).minusMonths(2).toString(),
                    "--to",
                    month,
                    "--population",
                    under18s.toString(),
                    "--jdbc-url",
                    jdbcUrl,
                    "--user",
                    dbUser,
                    "--password=" + dbPassword,
                    "--output",
                    out.toString(),
                    "--quiet"
                },
                new PrintWriter(printed),
                new PrintWriter(printed));
        assertThat(status).as(printed.toString()).isEqualTo(0);
        assertThat(earlyHelpChildren)
                .as("enough children for a published count")
                .isGreaterThanOrEqualTo(8);
        List<String> children = Files.readAllLines(out.resolve("early-help-children.csv"));
        assertThat(children.get(0)).endsWith(month + ",period");
        String[] total = children.get(children.size() - 1).split(",");
        long published = Long.parseLong(total[total.length - 2]);
        assertThat(published % 5).isZero();
        assertThat(Math.abs(published - earlyHelpChildren))
                .as("rounded to 5: %s of %d children%n%s", published, earlyHelpChildren, String.join("\n", children))
                .isLessThanOrEqualTo(2);
        for (String file : List.of(
                "early-help-children.csv", "enquiry-to-support.csv", "step-ups.csv", "families-identified.csv")) {
            for (String line : Files.readAllLines(out.resolve(file)).subList(1, 2)) {
                for (String cell : line.split(",")) {
                    if (cell.matches("\\d+")) {
                        assertThat(Long.parseLong(cell)).as(file + " " + line).matches(n -> n == 0 || n > 7);
                    }
                }
            }
        }
        assertThat(Files.readString(out.resolve("early-help-children-per-10000.csv")))
                .contains("total,");
        List<String> medians = Files.readAllLines(out.resolve("enquiry-to-support-median-days.csv"));
        assertThat(medians.get(medians.size() - 1))
                .as("every case's enquiry was 15 days before support; the median is shown where its count is")
                .matches("total(,(15\\.0)?)*");

        // the console's scorecard is the command line's, cell for cell
        ConsoleHttp analyst = ConsoleHttp.signedIn(port, "analyst", PASSWORD);
        HttpResponse<String> page = analyst.get("/console/analytics/scorecard?from="
                + java.time.YearMonth.from(TODAY).minusMonths(2) + "&to=" + month);
        assertThat(page.statusCode()).isEqualTo(200);
        String main =
                page.body().substring(page.body().indexOf("<main"), page.body().indexOf("</main>"));
        for (String measure : List.of("early-help-children", "step-ups", "families-identified")) {
            List<String> written = new ArrayList<>();
            List<String> lines = Files.readAllLines(out.resolve(measure + ".csv"));
            for (String line : lines.subList(1, lines.size())) {
                List<String> row = List.of(line.split(",", -1));
                written.addAll(row.subList(1, row.size()));
            }
            assertThat(cells(main, measure)).as(measure).isEqualTo(written);
        }
        assertThat(analyst.get("/console/analytics/scorecard?from=2026-13").body())
                .contains("Give the months as YYYY-MM");
    }

    /**
     * The analyst's console pages over HTTP (and, where Debian's chromium is installed, in headless Chromium with
     * axe-core, for the README's screenshot): the tables are the command line's, after disclosure control; the export
     * is the command line's dataset with the hub's own key; other roles get 403; refusals are shown and ledgered.
     */
    private void theAnalystsConsole(SyntheticPopulation population, Path cliTables, Set<String> cliPseudonyms)
            throws Exception {
        ConsoleHttp analyst = ConsoleHttp.signedIn(port, "analyst", PASSWORD);
        assertThat(analyst.get("/console").body())
                .contains("href=\"/console/analytics\"", "href=\"/console/analytics/export\"");
        HttpResponse<String> page = analyst.get("/console/analytics");
        assertThat(page.statusCode()).isEqualTo(200);
        String html = page.body();
        String main = html.substring(html.indexOf("<main"), html.indexOf("</main>"));
        assertThat(main).contains("Where needs are greatest", "[c]</strong> marks a suppressed count");
        int numbers = 0;
        for (String table : List.of("people-with-needs-by-area", "families-by-needs-and-area", "needs-by-month")) {
            List<String> shown = cells(main, table);
            assertThat(shown).as(table).isNotEmpty();
            for (String v : shown) {
                assertThat(v).as(table).matches("\\[c\\]|[0-9]+");
                if (!v.equals("[c]")) {
                    numbers++;
                    assertThat(Long.parseLong(v))
                            .as(table + ": no count from 1 to 7, the rest rounded to 5")
                            .matches(x -> x == 0 || (x > 7 && x % 5 == 0));
                }
            }
            // exactly what the command line published, cell for cell
            List<String> written = new ArrayList<>();
            List<String> lines = Files.readAllLines(cliTables.resolve(table + ".csv"));
            for (String line : lines.subList(1, lines.size())) {
                List<String> row = List.of(line.split(",", -1));
                written.addAll(row.subList(1, row.size()));
            }
            assertThat(shown).as(table + " as the command line wrote it").isEqualTo(written);
        }
        assertThat(numbers).as("some counts are published, not all suppressed").isPositive();
        java.util.regex.Matcher charts = java.util.regex.Pattern.compile(
                        "<img [^>]*src=\"data:image/svg\\+xml;base64,([A-Za-z0-9+/=]+)\"[^>]*alt=\"([^\"]+)\"")
                .matcher(main);
        int chartCount = 0;
        int drawn = 0;
        while (charts.find()) {
            chartCount++;
            String svg = new String(java.util.Base64.getDecoder().decode(charts.group(1)), StandardCharsets.UTF_8);
            assertThat(svg).startsWith("<svg").contains("<title id=\"t\">");
            boolean marks = svg.lines().anyMatch(l -> l.startsWith("<rect x=") || l.startsWith("<circle"));
            assertThat(marks || svg.contains(">[c]<"))
                    .as("a chart draws published counts or marks them suppressed")
                    .isTrue();
            if (marks) {
                drawn++;
            }
        }
        assertThat(drawn).as("some chart draws a published count").isPositive();
        assertThat(chartCount)
                .as("three charts, each with its text alternative")
                .isEqualTo(3);
        for (Family family : population.families()) {
            assertThat(main).doesNotContain(family.address().postcode());
            for (Member m : family.members()) {
                assertThat(main).doesNotContainPattern("\\b" + m.familyName() + "\\b");
            }
        }

        // the export form, then the dataset as a zip, the same rows as the command line's with the hub's own key
        HttpResponse<String> form = analyst.get("/console/analytics/export");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("needs-dataset-to-council-analysts", "needs-assessment-2026", "_csrf");
        HttpResponse<byte[]> zip = analyst.postForBytes(
                "/console/analytics/export",
                "/console/analytics/export",
                Map.of("agreement", "needs-dataset-to-council-analysts", "project", "needs-assessment-2026"));
        assertThat(zip.statusCode()).isEqualTo(200);
        assertThat(zip.headers().firstValue("Content-Type").orElse("")).startsWith("application/zip");
        assertThat(zip.headers().firstValue("Content-Disposition").orElse(""))
                .startsWith("attachment; filename=\"needs-dataset-needs-assessment-2026-");
        Map<String, String> files = unzip(zip.body());
        assertThat(files).containsKeys("dataset.csv", "data-dictionary.csv", "about.txt");
        assertThat(files.keySet()).isSubsetOf("dataset.csv", "data-dictionary.csv", "about.txt", "crosswalk.csv");
        String dataset = files.get("dataset.csv");
        assertThat(dataset.lines().findFirst().orElseThrow())
                .contains("needs.person", "needs.date-of-birth", "needs.postcode", "needs.match-strength");
        for (Family family : population.families()) {
            assertThat(dataset).doesNotContain(family.address().postcode());
            for (Member m : family.members()) {
                assertThat(dataset)
                        .doesNotContain(
                                m.givenName(), m.familyName(), m.dateOfBirth().toString());
            }
        }
        Path unzipped = Files.createTempDirectory("console-export");
        Files.writeString(unzipped.resolve("dataset.csv"), dataset);
        assertThat(pseudonyms(unzipped))
                .as("the project's pseudonyms, as the command line's under the hub's key")
                .isEqualTo(cliPseudonyms);
        assertThat(files.get("data-dictionary.csv")).contains("needs.person,needs.person,text,pseudonymise");
        assertThat(files.get("about.txt")).contains("Released to: analyst (council)", "needs-assessment-2026");
        assertThat(jdbc().queryForObject(
                                "select count(*) from ledger_entry where entry_type = 'EXPORT' and actor = ?"
                                        + " and details->>'decision' = 'PERMIT' and details->>'project' = ?",
                                Integer.class,
                                "console:analyst (council)",
                                "needs-assessment-2026"))
                .isEqualTo(1);

        // refused: a project the agreement does not name, and an agreement that licenses no dataset
        HttpResponse<String> unnamed = analyst.post(
                "/console/analytics/export",
                "/console/analytics/export",
                Map.of("agreement", "needs-dataset-to-council-analysts", "project", "marketing"));
        assertThat(unnamed.statusCode()).isEqualTo(200);
        assertThat(unnamed.body()).contains("The export was refused", "names no project", "marketing");
        HttpResponse<String> unlicensed = analyst.post(
                "/console/analytics/export",
                "/console/analytics/export",
                Map.of("agreement", "police-to-schools-domestic-abuse", "project", "needs-assessment-2026"));
        assertThat(unlicensed.body()).contains("The export was refused", "licenses no dataset");
        assertThat(jdbc().queryForObject(
                                "select count(*) from ledger_entry where entry_type = 'EXPORT' and actor = ?"
                                        + " and details->>'decision' = 'DENY'",
                                Integer.class,
                                "console:analyst (council)"))
                .isEqualTo(2);

        // the analyst reaches no board or reviewer page
        for (String other : List.of(
                "/console/proposals",
                "/console/reviews",
                "/console/matching",
                "/console/overrides",
                "/console/dead-letters",
                "/console/access-review",
                "/console/subject-access",
                "/console/evidence")) {
            assertThat(analyst.get(other).statusCode()).as(other).isEqualTo(403);
        }
        // and a board member, or the reviewer, reaches no analyst page
        for (String user : List.of("police", "dpo", "reviewer", "auditor")) {
            ConsoleHttp other = ConsoleHttp.signedIn(port, user, PASSWORD);
            assertThat(other.get("/console/analytics").statusCode()).as(user).isEqualTo(403);
            assertThat(other.get("/console/analytics/scorecard").statusCode())
                    .as(user)
                    .isEqualTo(403);
            assertThat(other.get("/console/analytics/export").statusCode())
                    .as(user)
                    .isEqualTo(403);
            assertThat(other.post(
                                    "/console",
                                    "/console/analytics/export",
                                    Map.of(
                                            "agreement",
                                            "needs-dataset-to-council-analysts",
                                            "project",
                                            "needs-assessment-2026"))
                            .statusCode())
                    .as(user)
                    .isEqualTo(403);
            assertThat(other.get("/console").body()).doesNotContain("/console/analytics");
        }
        assertThat(jdbc().queryForObject(
                                "select count(*) from ledger_entry where entry_type = 'EXPORT' and actor like 'console:%'",
                                Integer.class))
                .as("only the analyst's exports and refusals")
                .isEqualTo(3);

        if (ConsoleBrowser.available()) {
            try (ConsoleBrowser browser = new ConsoleBrowser(port, Path.of("..", "docs", "screenshots"))) {
                browser.signIn("analyst", PASSWORD);
                browser.open("/console/analytics");
                assertThat(browser.text("people-with-needs-by-area")).contains("Total");
                List<String> violations = new ArrayList<>(browser.seriousViolations());
                browser.screenshot("console-analytics");
                browser.open("/console/analytics/export");
                violations.addAll(browser.seriousViolations());
                assertThat(violations)
                        .as("serious or critical accessibility violations (axe-core)")
                        .isEmpty();
            }
        }
    }

    static final String PASSWORD = "early-help-demo";

    private JdbcTemplate jdbc() {
        return new JdbcTemplate(dataSource);
    }

    /** The text of each numeric cell of the table {@code id}, row by row, its totals row last. */
    private static List<String> cells(String html, String id) {
        int start = html.indexOf("id=\"" + id + "\"");
        assertThat(start).as("table " + id).isNotNegative();
        String table = html.substring(start, html.indexOf("</table>", start));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                        "<td class=\"govuk-table__cell govuk-table__cell--numeric\">([^<]*)</td>")
                .matcher(table);
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static Map<String, String> unzip(byte[] zip) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (java.util.zip.ZipInputStream in =
                new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (java.util.zip.ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                out.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private Path export(String agreement, String project, int expected) throws Exception {
        return export(agreement, project, expected, "csv");
    }

    private static List<org.apache.avro.generic.GenericRecord> readParquet(Path file) throws Exception {
        List<org.apache.avro.generic.GenericRecord> out = new java.util.ArrayList<>();
        try (var reader = org.apache.parquet.avro.AvroParquetReader.<org.apache.avro.generic.GenericRecord>builder(
                        new org.apache.parquet.io.LocalInputFile(file),
                        new org.apache.parquet.conf.PlainParquetConfiguration())
                .withDataModel(org.apache.avro.generic.GenericData.get())
                .build()) {
            for (var r = reader.read(); r != null; r = reader.read()) {
                out.add(r);
            }
        }
        return out;
    }

    private Path export(String agreement, String project, int expected, String format) throws Exception {
        Path out = Files.createTempDirectory("export");
        Path key = Files.writeString(Files.createTempFile("key", ".txt"), KEY);
        StringWriter printed = new StringWriter();
        int status = HubCommandLine.run(
                new String[] {
                    "analytics",
                    "export",
                    "--agreement",
                    agreement,
                    "--project",
                    project,
                    "--analyst",
                    "it",
                    "--agreements",
                    Path.of("..", "agreements").toString(),
                    "--jdbc-url",
                    jdbcUrl,
                    "--user",
                    dbUser,
                    "--password=" + dbPassword,
                    "--chain-key-file",
                    Path.of(dataDir, "keys", "ledger-chain.key").toString(),
                    "--pseudonymisation-key-file",
                    key.toString(),
                    "--output",
                    out.toString(),
                    "--format",
                    format,
                    "--quiet"
                },
                new PrintWriter(printed),
                new PrintWriter(printed));
        assertThat(status).as(printed.toString()).isEqualTo(expected);
        if (expected != 0) {
            assertThat(printed.toString()).contains("refused:", "ledgered as a DENY");
        }
        return out;
    }

    private static Set<String> pseudonyms(Path export) throws Exception {
        List<String> lines = Files.readAllLines(export.resolve("dataset.csv"));
        int column = List.of(lines.get(0).split(",")).indexOf("needs.person");
        Set<String> out = new TreeSet<>();
        for (String line : lines.subList(1, lines.size())) {
            out.add(line.split(",", -1)[column]);
        }
        return out;
    }

    private static double[] score(Set<String> predicted, Set<String> truth) {
        Set<String> tp = new HashSet<>(predicted);
        tp.retainAll(truth);
        double precision = predicted.isEmpty() ? 1.0 : (double) tp.size() / predicted.size();
        double recall = truth.isEmpty() ? 1.0 : (double) tp.size() / truth.size();
        return new double[] {precision, recall};
    }

    /** The scenario for one family: each need with even odds, and records that show no need beside them. */
    private void post(Family family, Random random) throws Exception {
        List<Member> children = family.children();
        List<Member> adults = family.adults();
        Set<String> needs = new TreeSet<>();
        for (Member child : children) {
            boolean absent = random.nextBoolean();
            double percent = absent ? 70 + random.nextInt(19) : 92 + random.nextInt(8);
            send(
                    "/api/schools/attendance",
                    "schools-dev-token",
                    attendance(family, child, percent),
                    family,
                    Map.of("p", child));
            if (absent) {
                needs.add("good-education");
            }
        }
        if (!children.isEmpty() && !adults.isEmpty() && random.nextBoolean()) {
            Map<String, Member> refs = new LinkedHashMap<>();
            refs.put("c1", children.get(0));
            refs.put("a1", adults.get(0));
            send("/api/police/incidents", "police-dev-token", incident(family, refs), family, refs);
            needs.add("safe-from-domestic-abuse");
        }
        if (family.address().uprn() != null) {
            Map<String, Member> refs = new LinkedHashMap<>();
            int i = 0;
            for (Member m : family.members()) {
                refs.put((m.isChild() ? "c" : "a") + (++i), m);
            }
            String base = family.id();
            send(
                    "/api/housing/tenancies",
                    "housing-dev-token",
                    housing(family, refs, "tenancy", tenancy(base)),
                    family,
                    refs);
            if (random.nextBoolean()) {
                send(
                        "/api/housing/notices",
                        "housing-dev-token",
                        housing(family, refs, "notice", notice(base)),
                        family,
                        refs);
                needs.add("secure-housing");
            }
            boolean arrears = random.nextBoolean();
            send(
                    "/api/housing/rent-arrears",
                    "housing-dev-token",
                    housing(family, refs, "arrears", arrears(base, arrears ? 6 + random.nextInt(10) : 1)),
                    family,
                    refs);
            if (arrears) {
                needs.add("financial-stability");
            }
        }
        if (!children.isEmpty() && random.nextInt(3) > 0) {
            Map<String, Member> refs = new LinkedHashMap<>();
            int i = 0;
            for (Member m : family.members()) {
                refs.put((m.isChild() ? "c" : "a") + (++i), m);
            }
            send("/api/casesystem/involvements", "casesystem-dev-token", earlyHelp(family, refs), family, refs);
            earlyHelpChildren += children.size();
        }
        trueNeeds.put(family.id(), needs);
    }

    /** An open early help case opened 20 days ago, after an enquiry 25 days ago; support started 10 days ago. */
    private static String earlyHelp(Family family, Map<String, Member> refs) {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode people = body.putArray("people");
        refs.forEach((ref, m) -> people.add(person(family, ref, m.isChild() ? "CHILD" : "PARENT", m)));
        ObjectNode c = body.putObject("caseInvolvement");
        c.put("caseType", "early-help").put("status", "open");
        c.put("openedOn", TODAY.minusDays(20).toString());
        c.put("enquiryOn", TODAY.minusDays(25).toString());
        c.put("supportStartedOn", TODAY.minusDays(10).toString());
        c.put("levelOfNeed", 2);
        return body.toString();
    }

    private void send(String path, String token, String body, Family family, Map<String, Member> refs)
            throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(202);
        String id = JSON.readTree(response.body()).get("id").asText();
        refs.forEach((ref, member) -> {
            String person = family.id() + "/" + member.givenName() + "/" + member.dateOfBirth();
            truePerson.put(id + "#" + ref, person);
            trueFamily.put(person, family.id());
        });
        people += refs.size();
    }

    private static ObjectNode person(Family family, String ref, String role, Member m) {
        ObjectNode p = JSON.createObjectNode();
        p.put("ref", ref).put("role", role).put("givenName", m.givenName()).put("familyName", m.familyName());
        p.put("dateOfBirth", m.dateOfBirth().toString()).put("sex", m.sex().name());
        if (m.nhsNumber() != null) {
            p.put("nhsNumber", m.nhsNumber());
        }
        ObjectNode a = p.putObject("address");
        ArrayNode lines = a.putArray("lines");
        family.address().lines().forEach(lines::add);
        a.put("postcode", family.address().postcode());
        return p;
    }

    /** The pupil's unique pupil number, the same for the child in every attendance record (so the export is checked for it). */
    static String upn(Member child) {
        return String.format("K%012d", Math.floorMod((long) child.hashCode(), 1_000_000_000_000L));
    }

    private static String attendance(Family family, Member child, double percent) {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode p = person(family, "p", "CHILD", child);
        p.put("schoolUrn", URN);
        p.put("upn", upn(child));
        body.putArray("people").add(p);
        int possible = 120;
        ObjectNode a = body.putObject("attendance");
        a.put("schoolUrn", URN).put("term", TODAY.getYear() + "-autumn");
        a.put("sessionsPossible", possible).put("sessionsAttended", (int) Math.round(possible * percent / 100));
        a.put("suspensions", 0);
        return body.toString();
    }

    private static String incident(Family family, Map<String, Member> refs) {
        ObjectNode body = JSON.createObjectNode();
        body.put("reference", "DA/IT/" + family.id());
        body.put(
                "occurredAt",
                TODAY.minusDays(10).atTime(21, 40).atOffset(ZoneOffset.UTC).toString());
        ObjectNode place = body.putObject("place");
        ArrayNode lines = place.putArray("lines");
        family.address().lines().forEach(lines::add);
        place.put("postcode", family.address().postcode());
        body.put("riskLevel", "MEDIUM");
        ArrayNode people = body.putArray("people");
        refs.forEach((ref, m) -> {
            ObjectNode p = person(family, ref, m.isChild() ? "CHILD" : "ADULT_VICTIM", m);
            if (m.isChild()) {
                p.put("present", true);
            }
            people.add(p);
        });
        return body.toString();
    }

    private static String housing(Family family, Map<String, Member> refs, String key, ObjectNode fact) {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode people = body.putArray("people");
        refs.forEach((ref, m) -> people.add(person(family, ref, m.isChild() ? "CHILD" : "PARENT", m)));
        fact.put("uprn", family.address().uprn());
        body.set(key, fact);
        return body.toString();
    }

    private static ObjectNode tenancy(String base) {
        ObjectNode t = JSON.createObjectNode();
        t.put("reference", "CH/TEN/" + base)
                .put("startDate", TODAY.minusYears(3).toString());
        t.put("tenure", "STARTER").put("provider", "chesterfield-homes");
        return t;
    }

    private static ObjectNode notice(String base) {
        ObjectNode t = JSON.createObjectNode();
        t.put("reference", "CH/NSP/" + base).put("noticeType", "SECTION_8");
        t.put("servedOn", TODAY.minusDays(40).toString())
                .put("expiresOn", TODAY.minusDays(26).toString());
        return t;
    }

    private static ObjectNode arrears(String base, int weeks) {
        ObjectNode t = JSON.createObjectNode();
        t.put("reference", "CH/TEN/" + base).put("asOf", TODAY.minusDays(5).toString());
        t.put("weeks", weeks).put("noticeAttached", false);
        return t;
    }
}
