package org.earlyhelp.hub.app.console;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every console page shows: who is signed in (the layout's header and the menu by role). */
@ControllerAdvice(
        assignableTypes = {
            ConsolePages.class,
            ConsoleProposals.class,
            ConsoleSubjectAccess.class,
            ConsoleAnalytics.class
        })
public class ConsoleModel {

    private final ConsoleSession session;

    public ConsoleModel(ConsoleSession session) {
        this.session = session;
    }

    @ModelAttribute("user")
    ConsoleUser user(Authentication authentication) {
        return session.user(authentication);
    }
}
