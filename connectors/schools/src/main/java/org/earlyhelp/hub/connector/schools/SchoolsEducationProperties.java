package org.earlyhelp.hub.connector.schools;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The schools connector's education-service settings ({@code hub.connectors.schools.*}), each with a default so the
 * hub's configuration need not name them.
 *
 * @param inbox the watched folder for attendance files ({@code <inbox>/<URN>/} and {@code
 *     <inbox>/education-service/}); unset: {@code <data-dir>/inbox/schools} in the embedded run, none otherwise
 * @param inboxPoll how often the folder is read
 * @param inboxTakeOverAfter when another instance's unfinished claim of a file is taken over
 * @param eheTeamEndpoint where the council's elective home education team receives notifications (https)
 * @param escalateTo the organisation of the council's Operation Encompass lead, as the ledger names it
 * @param escalationCheck how often unacknowledged notifications are checked
 */
@Validated
@ConfigurationProperties("hub.connectors.schools")
public record SchoolsEducationProperties(
        String inbox,
        @NotNull @DefaultValue("10s") Duration inboxPoll,
        @NotNull @DefaultValue("10m") Duration inboxTakeOverAfter,
        String eheTeamEndpoint,
        @NotNull
                @Pattern(regexp = "[a-z][a-z0-9-]{1,31}:[A-Za-z0-9][A-Za-z0-9._-]{0,63}", message = "must be kind:id")
                @DefaultValue("council:education-service")
                String escalateTo,
        @NotNull @DefaultValue("1m") Duration escalationCheck) {}
