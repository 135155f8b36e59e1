package org.earlyhelp.hub.connector.schools;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.validation.Validator;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.Producer;
import org.earlyhelp.hub.connector.api.PartnerMetrics;
import org.earlyhelp.hub.connector.api.Topics;
import org.earlyhelp.hub.connector.api.batch.BatchSettings;
import org.earlyhelp.hub.connector.api.batch.ConsumerProgress;
import org.earlyhelp.hub.connector.api.batch.KafkaBatch;
import org.earlyhelp.hub.connector.api.batch.OutboundRoute;
import org.earlyhelp.hub.connector.api.batch.PartnerHttp;
import org.earlyhelp.hub.connector.api.batch.TopicPublisher;
import org.earlyhelp.hub.connector.api.intake.RecordIntake;
import org.earlyhelp.hub.connector.schools.csv.InboxClaims;
import org.earlyhelp.hub.connector.schools.csv.SchoolsInbox;
import org.earlyhelp.hub.connector.schools.ehe.ElectiveHomeEducationRegister;
import org.earlyhelp.hub.connector.schools.encompass.EscalationCheck;
import org.earlyhelp.hub.connector.schools.encompass.NotificationLog;
import org.earlyhelp.hub.connector.schools.inbound.SchoolsRecordReader;
import org.earlyhelp.hub.governance.ledger.DisclosureLedger;
import org.earlyhelp.hub.governance.ledger.SubjectKey;
import org.earlyhelp.hub.schema.codec.RecordCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Wires the schools connector: its directory, HTTP client and outbound route on the hub's batch support; its HTTP
 * endpoints; the register of home-educated children; the watched folder and the Operation Encompass escalation check.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({SchoolsConnectorProperties.class, SchoolsEducationProperties.class})
public class SchoolsConnectorConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SchoolsConnectorConfiguration.class);

    /** The directory; plain http to this machine only in the embedded run (deny by default when unset). */
    @Bean
    SchoolDirectory schoolDirectory(
            JdbcTemplate jdbc,
            SchoolsConnectorProperties props,
            SchoolsEducationProperties education,
            Environment env) {
        boolean embedded = env.getProperty("hub.embedded.enabled", Boolean.class, false);
        SchoolDirectory directory = new SchoolDirectory(
                jdbc, new EndpointPolicy(embedded || props.allowLoopbackHttp(), props.allowPrivateNetworks()));
        directory.eheTeamEndpoint(education.eheTeamEndpoint());
        return directory;
    }

    /** The partner figures of both kinds this connector brings records in from. */
    @Bean
    PartnerMetrics schoolsMetrics(MeterRegistry meters, Clock clock) {
        return new PartnerMetrics(meters, SchoolsConnector.PARTNER, clock);
    }

    @Bean
    PartnerMetrics educationServiceMetrics(MeterRegistry meters, Clock clock) {
        return new PartnerMetrics(meters, SchoolsConnector.EDUCATION_SERVICE_KIND, clock);
    }

    @Bean
    SchoolsRecordReader schoolsRecordReader(Validator validator) {
        return new SchoolsRecordReader(validator);
    }

    /** The register of home-educated children, installed in the descriptor's addressing. */
    @Bean
    ElectiveHomeEducationRegister electiveHomeEducationRegister(JdbcTemplate jdbc, SubjectKey subjectKey) {
        ElectiveHomeEducationRegister register = new ElectiveHomeEducationRegister(jdbc, subjectKey);
        SchoolsConnector.useHomeEducation(
                p -> register.homeEducated(p.getGivenName(), p.getFamilyName(), p.getDateOfBirth()));
        return register;
    }

    @Bean
    NotificationLog schoolNotificationLog(
            JdbcTemplate jdbc, org.earlyhelp.hub.governance.deadline.DeadlineCalendar calendar) {
        return new NotificationLog(jdbc, calendar);
    }

    /** The watched folder and the escalation check, on the connector's own schedule. */
    @Bean
    SchoolsSchedule schoolsSchedule(
            SchoolsEducationProperties education,
            NotificationLog notifications,
            DisclosureLedger ledger,
            JdbcTemplate jdbc,
            RecordIntake intake,
            Producer<String, byte[]> producer,
            Topics topics,
            @Qualifier("schoolsMetrics") PartnerMetrics schoolsMetrics,
            @Qualifier("educationServiceMetrics") PartnerMetrics educationServiceMetrics,
            Clock clock,
            Environment env) {
        List<SchoolsSchedule.Task> tasks = new ArrayList<>();
        EscalationCheck escalation = new EscalationCheck(notifications, ledger, clock, education.escalateTo());
        tasks.add(new SchoolsSchedule.Task("escalation", education.escalationCheck(), escalation::run));
        Path inbox = inbox(education, env);
        if (inbox != null) {
            SchoolsInbox files = new SchoolsInbox(
                    inbox,
                    new InboxClaims(jdbc, education.inboxTakeOverAfter()),
                    intake,
                    producer,
                    topics,
                    Map.of(
                            SchoolsConnector.PARTNER,
                            schoolsMetrics,
                            SchoolsConnector.EDUCATION_SERVICE_KIND,
                            educationServiceMetrics),
                    clock,
                    UUID.randomUUID().toString());
            tasks.add(new SchoolsSchedule.Task("inbox", education.inboxPoll(), files::poll));
            log.info("schools inbox on: folder={}", inbox.toAbsolutePath());
        } else {
            log.info("schools inbox off: set hub.connectors.schools.inbox to read attendance files");
        }
        return new SchoolsSchedule(tasks);
    }

    static Path inbox(SchoolsEducationProperties education, Environment env) {
        if (education.inbox() != null && !education.inbox().isBlank()) {
            return Path.of(education.inbox().strip());
        }
        if (env.getProperty("hub.embedded.enabled", Boolean.class, false)) {
            return Path.of(env.getProperty("hub.embedded.data-dir", "data"), "inbox", "schools");
        }
        return null;
    }

    @Bean
    OutboundRoute schoolsOutboundRoute(
            SchoolsConnectorProperties props,
            RecordCodec codec,
            SchoolDirectory directory,
            DisclosureLedger ledger,
            NotificationLog notifications,
            Clock clock,
            ObjectMapper json,
            Producer<String, byte[]> producer,
            ConsumerProgress progress,
            MeterRegistry meters) {
        HttpClient http = PartnerHttp.client("schools-http", 4, props.timeout());
        SchoolsNotificationClient client = new SchoolsNotificationClient(http, json, props.timeout());
        SchoolsBatchDelivery delivery =
                new SchoolsBatchDelivery(directory, client, ledger, props.maxInFlight(), notifications, clock);
        return new OutboundRoute(
                SchoolsConnector.PARTNER,
                props.topic(),
                props.consumers(),
                props.maxInFlight(),
                batch(props, codec, delivery, producer, progress, meters));
    }

    static KafkaBatch<SchoolsBatchDelivery.Delivery> batch(
            SchoolsConnectorProperties props,
            RecordCodec codec,
            SchoolsBatchDelivery delivery,
            Producer<String, byte[]> producer,
            ConsumerProgress progress,
            MeterRegistry meters) {
        return new KafkaBatch<>(
                OutboundRoute.routeId(SchoolsConnector.PARTNER),
                SchoolsBatchDelivery.decoder(codec),
                delivery,
                item -> props.deadLetterTopic(),
                delivery::deadLettered,
                SchoolsErrorClassifier.classifier(),
                new BatchSettings(props.maxRedeliveries() + 1, props.initialBackoff(), props.maxBackoff()),
                new TopicPublisher(producer),
                progress,
                meters);
    }
}
