package org.earlyhelp.hub.app.console;

import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeSet;
import org.earlyhelp.hub.app.deadletter.DeadLetterService;
import org.earlyhelp.hub.connector.api.Connectors;
import org.earlyhelp.hub.governance.replay.ReplayDone;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Dead letters per partner, with their reasons, and consent-aware replay: the replay is decided again under today's
 * agreements and consent, with the signed-in reviewer as the actor the ledger names.
 */
@Controller
public class ConsoleDeadLetters {

    private final ConsoleSession session;
    private final DeadLetterService service;
    private final Set<String> partners;

    public ConsoleDeadLetters(ConsoleSession session, DeadLetterService service, Connectors connectors) {
        this.session = session;
        this.service = service;
        Set<String> all = new TreeSet<>(connectors.providers());
        all.addAll(connectors.delivering());
        this.partners = Set.copyOf(all);
    }

    @GetMapping("/console/dead-letters")
    String list(@RequestParam(value = "partner", required = false) String partner, Model model) {
        Map<String, Long> counts = service.counts(partners);
        if (partner == null || !partners.contains(partner)) {
            partner = counts.entrySet().stream()
                    .filter(e -> e.getValue() > 0)
                    .map(Map.Entry::getKey)
                    .findFirst()
                    .orElse(null);
        }
        model.addAttribute("section", "dead-letters");
        model.addAttribute("counts", counts);
        model.addAttribute("partner", partner);
        model.addAttribute("letters", partner == null ? java.util.List.of() : service.latest(partner, 50));
        return "console/dead-letters";
    }

    @PostMapping("/console/dead-letters/{letter}/replay")
    String replay(@PathVariable String letter, Authentication authentication, RedirectAttributes redirect) {
        ConsoleUser user = session.user(authentication);
        String partner = letter.contains(".") ? letter.substring(0, letter.indexOf('.')) : null;
        try {
            DeadLetterService.Replayed r = service.replay(letter, user.actor());
            redirect.addFlashAttribute("flash", "Replayed " + letter + ": " + describe(r.outcome()));
        } catch (NoSuchElementException e) {
            redirect.addFlashAttribute("problem", "No dead letter has that id.");
        } catch (ReplayDone | DeadLetterService.NotReplayable e) {
            redirect.addFlashAttribute("problem", "Not replayed: " + e.getMessage());
        }
        return partners.contains(partner)
                ? "redirect:/console/dead-letters?partner=" + partner
                : "redirect:/console/dead-letters";
    }

    private static String describe(String outcome) {
        return switch (outcome) {
            case "PERMIT" -> "decided again and sent (PERMIT)";
            case "DENY" -> "decided again and not sent: today's agreement or consent does not permit it (DENY)";
            case "REVIEW" -> "decided again and held for review (REVIEW)";
            case "REQUEUED" -> "put back on its inbound topic, to be governed again";
            default -> outcome;
        };
    }
}
