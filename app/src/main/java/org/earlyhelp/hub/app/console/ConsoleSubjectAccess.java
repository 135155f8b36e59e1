package org.earlyhelp.hub.app.console;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Subject access in the console: search a person (by a POST, so no name is ever in a URL or an access log), read the
 * document, print or save it. Each search is ledgered.
 */
@Controller
public class ConsoleSubjectAccess {

    private static final ZoneId UK = ZoneId.of("Europe/London");

    private final ConsoleSession session;
    private final SubjectAccess access;
    private final Clock clock;

    public ConsoleSubjectAccess(ConsoleSession session, SubjectAccess access, Clock clock) {
        this.session = session;
        this.access = access;
        this.clock = clock;
    }

    @ModelAttribute("section")
    String section() {
        return "subject-access";
    }

    @GetMapping("/console/subject-access")
    String form() {
        return "console/subject-access";
    }

    /**
     * The same document as a file to hand over: a standalone HTML page (its own styles, no console navigation), named
     * by the date only. The search is ledgered again, as every search is.
     */
    @PostMapping("/console/subject-access/download")
    String download(
            @RequestParam("givenName") String givenName,
            @RequestParam("familyName") String familyName,
            @RequestParam("dateOfBirth") String dateOfBirth,
            @RequestParam(value = "postcode", required = false) String postcode,
            Authentication authentication,
            Model model,
            jakarta.servlet.http.HttpServletResponse response) {
        String view = search(givenName, familyName, dateOfBirth, postcode, authentication, model);
        if (!view.equals("console/subject-access-report")) {
            return view;
        }
        response.setHeader(
                "Content-Disposition",
                "attachment; filename=\"subject-access-" + LocalDate.now(clock.withZone(UK)) + ".html\"");
        return "console/subject-access-document";
    }

    @PostMapping("/console/subject-access")
    String search(
            @RequestParam("givenName") String givenName,
            @RequestParam("familyName") String familyName,
            @RequestParam("dateOfBirth") String dateOfBirth,
            @RequestParam(value = "postcode", required = false) String postcode,
            Authentication authentication,
            Model model) {
        model.addAttribute(
                "form", Map.of("givenName", givenName, "familyName", familyName, "dateOfBirth", dateOfBirth));
        LocalDate dob;
        try {
            dob = LocalDate.parse(dateOfBirth.strip());
        } catch (DateTimeParseException e) {
            model.addAttribute("problem", "Enter the date of birth as YYYY-MM-DD.");
            return "console/subject-access";
        }
        if (givenName.isBlank() || familyName.isBlank() || givenName.length() > 100 || familyName.length() > 100) {
            model.addAttribute("problem", "Enter the person's given and family names.");
            return "console/subject-access";
        }
        ConsoleUser user = session.user(authentication);
        Optional<SubjectAccess.Report> report = access.request(
                givenName.strip(), familyName.strip(), dob, postcode, user.actor(), LocalDate.now(clock.withZone(UK)));
        if (report.isEmpty()) {
            model.addAttribute("notFound", true);
            return "console/subject-access";
        }
        model.addAttribute("report", report.get());
        model.addAttribute("requester", givenName.strip() + " " + familyName.strip() + ", born " + dob);
        return "console/subject-access-report";
    }
}
