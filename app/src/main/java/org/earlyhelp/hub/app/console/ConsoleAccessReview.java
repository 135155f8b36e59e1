package org.earlyhelp.hub.app.console;

import java.time.Clock;
import java.time.Duration;
import org.earlyhelp.hub.app.review.AccessReviewController;
import org.earlyhelp.hub.governance.review.AccessReview;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The access review on the console: pulls soon after a requester's first record about a person, bursts, pulls on
 * uncorroborated relationships or refused for want of one, and school roll relationships the council has not
 * corroborated, over the last hours chosen (the same report as {@code GET /api/access-review}).
 */
@Controller
public class ConsoleAccessReview {

    private final AccessReviewController reviews;
    private final Clock clock;

    public ConsoleAccessReview(AccessReviewController reviews, Clock clock) {
        this.reviews = reviews;
        this.clock = clock;
    }

    @GetMapping("/console/access-review")
    String page(@RequestParam(value = "hours", defaultValue = "24") int hours, Model model) {
        int h = Math.max(1, Math.min(hours, 24 * 90));
        AccessReview.Report report = reviews.report(
                clock.instant().minus(Duration.ofHours(h)),
                new AccessReview.Thresholds(Duration.ofMinutes(10), 20, Duration.ofMinutes(5)));
        model.addAttribute("section", "access-review");
        model.addAttribute("hours", h);
        model.addAttribute("report", report);
        return "console/access-review";
    }
}
