package org.earlyhelp.hub.app.retention;

import java.time.Clock;
import javax.sql.DataSource;
import org.earlyhelp.hub.governance.ledger.DisclosureLedger;
import org.earlyhelp.hub.governance.minimise.RecordRetention;
import org.earlyhelp.hub.routes.resolve.RecordPurge;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs the retention purge every {@code hub.retention.purge-every} (default an hour). Every instance schedules it;
 * the purge's advisory lock lets one of them work at a time, so two instances never purge the same records twice.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "hub.retention.enabled", havingValue = "true", matchIfMissing = true)
public class RetentionConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RetentionConfiguration.class);

    @Bean
    RecordPurge recordPurge(
            DataSource dataSource,
            RecordRetention retention,
            DisclosureLedger ledger,
            Clock clock,
            @Value("${hub.retention.batch-size:1000}") int batchSize) {
        return new RecordPurge(dataSource, retention, ledger, clock, batchSize);
    }

    @Bean
    PurgeSchedule purgeSchedule(RecordPurge purge) {
        return new PurgeSchedule(purge);
    }

    /** The scheduled round; a failure is logged by type and retried at the next round. */
    static final class PurgeSchedule {
        private final RecordPurge purge;

        PurgeSchedule(RecordPurge purge) {
            this.purge = purge;
        }

        @Scheduled(
                initialDelayString = "${hub.retention.first-purge-after:PT1M}",
                fixedDelayString = "${hub.retention.purge-every:PT1H}")
        void run() {
            try {
                RecordPurge.Result result = purge.purgeExpired();
                if (result.purged() > 0) {
                    log.info("retention purge: purged={}", result.purged());
                } else if (!result.ran()) {
                    log.debug("retention purge: another instance holds the purge lock");
                }
            } catch (RuntimeException e) {
                log.warn("retention purge failed: cause={}", e.getClass().getSimpleName());
            }
        }
    }
}
