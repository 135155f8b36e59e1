package org.earlyhelp.hub.governance.vocabulary;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The controlled vocabularies of an agreement's governance headings (Article 6 bases, Article 9 conditions, special
 * categories, party roles, permitted uses, restrictions, recipient duties, security measures, legal compliance), read
 * from {@code governance-terms.yaml} beside this class: data, not code, so a new term is an edit of that file.
 */
public final class GovernanceTerms {

    /** The vocabularies, by the key each has in the file. */
    public enum Kind {
        ARTICLE_6("article-6"),
        ARTICLE_9("article-9"),
        SPECIAL_CATEGORY("special-category"),
        PARTY_ROLE("party-role"),
        PERMITTED_USE("permitted-use"),
        RESTRICTION("restriction"),
        RECIPIENT_DUTY("recipient-duty"),
        SECURITY_MEASURE("security-measure"),
        LEGAL_COMPLIANCE("legal-compliance"),
        PROFESSIONAL_ROLE("professional-role"),
        REVIEW_REFUSAL("review-refusal"),
        WITHHOLDING_REASON("withholding-reason"),
        WITHDRAWAL_REASON("withdrawal-reason");

        private final String key;

        Kind(String key) {
            this.key = key;
        }

        /** The key in {@code governance-terms.yaml}, and the words a lint problem uses. */
        public String key() {
            return key;
        }
    }

    private static final GovernanceTerms SHIPPED = load();

    private final Map<Kind, Map<String, String>> titles;

    GovernanceTerms(Map<Kind, Map<String, String>> titles) {
        this.titles = Map.copyOf(titles);
    }

    /** The vocabularies the hub ships. */
    public static GovernanceTerms shipped() {
        return SHIPPED;
    }

    /** The title the register shows for a code, when the vocabulary has it. */
    public Optional<String> title(Kind kind, String code) {
        return Optional.ofNullable(titles.get(kind).get(code));
    }

    /** Every code of a vocabulary, in the file's order. */
    public List<String> codes(Kind kind) {
        return List.copyOf(titles.get(kind).keySet());
    }

    private static GovernanceTerms load() {
        try (InputStream in = GovernanceTerms.class.getResourceAsStream("governance-terms.yaml")) {
            if (in == null) {
                throw new IllegalStateException("missing governance-terms.yaml");
            }
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
            Map<Kind, Map<String, String>> out = new LinkedHashMap<>();
            for (Kind kind : Kind.values()) {
                JsonNode list = root.path(kind.key());
                if (!list.isArray() || list.isEmpty()) {
                    throw new IllegalStateException("governance-terms.yaml has no '" + kind.key() + "' terms");
                }
                Map<String, String> terms = new LinkedHashMap<>();
                for (JsonNode t : list) {
                    String code = t.path("code").asText();
                    String title = t.path("title").asText();
                    if (code.isBlank() || title.isBlank() || terms.put(code, title) != null) {
                        throw new IllegalStateException("governance-terms.yaml: each " + kind.key()
                                + " term needs a distinct code and a title");
                    }
                }
                out.put(kind, terms);
            }
            return new GovernanceTerms(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
