package org.earlyhelp.hub.app.config;

import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.earlyhelp.hub.connector.api.intake.IdempotentIntake;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Idempotent intake for every inbound endpoint, its keys in PostgreSQL so that every hub instance agrees. */
@Configuration(proxyBeanMethods = false)
public class IntakeConfiguration {

    /**
     * A claim older than this whose post never answered is taken over by a retry: longer than the 30 s an inbound
     * post waits for the broker, so a post still waiting is never overtaken.
     */
    static final Duration TAKE_OVER_AFTER = Duration.ofSeconds(60);

    @Bean
    IdempotentIntake idempotentIntake(DataSource dataSource, Clock clock) {
        return new IdempotentIntake(dataSource, clock, TAKE_OVER_AFTER);
    }

    /** The one way every connector hands the hub a record: idempotent, minimised at rest, 202 once Kafka holds it. */
    @Bean
    org.earlyhelp.hub.connector.api.intake.RecordIntake recordIntake(
            IdempotentIntake intake,
            org.earlyhelp.hub.governance.minimise.AtRestMinimiser atRest,
            org.apache.kafka.clients.producer.Producer<String, byte[]> governedProducer,
            org.earlyhelp.hub.schema.codec.RecordCodec codec,
            org.earlyhelp.hub.connector.api.Topics topics,
            Clock clock) {
        return new org.earlyhelp.hub.connector.api.intake.RecordIntake(
                intake, atRest, governedProducer, codec, topics, clock);
    }
}
