package org.earlyhelp.hub.app.embedded;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts the embedded PostgreSQL and Kafka broker before anything connects to them, when {@code hub.embedded.enabled}
 * is true (the default), and points the datasource and the Kafka clients at them. With it false, the same application
 * uses {@code spring.datasource.*} and {@code hub.kafka.bootstrap-servers} as configured. The data folder is the hub
 * user's alone (0700, see {@link PrivateFolder}) and the database requires its generated password.
 */
public class EmbeddedInfrastructure implements EnvironmentPostProcessor, Ordered {

    /** Logging is not set up yet when this runs: Boot replays these lines once it is. */
    private final Log log;

    public EmbeddedInfrastructure(DeferredLogFactory logs) {
        this.log = logs.getLog(EmbeddedInfrastructure.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        if (!env.getProperty("hub.embedded.enabled", Boolean.class, true)) {
            return;
        }
        Path dataDir = PrivateFolder.create(Path.of(env.getProperty("hub.embedded.data-dir", "data")));
        EmbeddedPostgres pg = EmbeddedPostgres.start(
                dataDir.resolve("postgres"), env.getProperty("hub.embedded.postgres-port", Integer.class, 0));
        if (pg.stoppedLeftoverServer()) {
            log.warn("stopped the PostgreSQL a previous hub left running on " + dataDir.toAbsolutePath()
                    + " (it did not shut down cleanly); recovering on the same data");
        }
        log.info("embedded PostgreSQL on " + pg.jdbcUrl() + ", data in "
                + dataDir.resolve("postgres").toAbsolutePath());
        EmbeddedKafka kafka;
        try {
            kafka = EmbeddedKafka.start(
                    dataDir.resolve("kafka"),
                    env.getProperty("hub.embedded.kafka-port", Integer.class, 0),
                    env.getProperty("hub.kafka.partitions", Integer.class, 4));
        } catch (RuntimeException e) {
            closeQuietly(pg);
            throw e;
        }
        log.info("embedded Kafka broker (KRaft) at " + kafka.bootstrapServers() + ", data in "
                + dataDir.resolve("kafka").toAbsolutePath());
        Map<String, Object> props = new HashMap<>();
        props.put("spring.datasource.url", pg.jdbcUrl());
        props.put("spring.datasource.username", pg.user());
        props.put("spring.datasource.password", pg.password());
        props.put("hub.kafka.bootstrap-servers", kafka.bootstrapServers());
        // pinned as resolved: a ${random.uuid} in it would otherwise name a new folder at each read, and the ledger's
        // key file and checkpoints must sit beside this database
        props.put("hub.embedded.data-dir", dataDir.toString());
        env.getPropertySources().addFirst(new MapPropertySource("hub-embedded", props));
        // registered before every other bean, so destroyed after all of them: the consumers stop before the broker
        application.addListeners((ApplicationListener<ApplicationPreparedEvent>) event -> {
            var beans =
                    (DefaultListableBeanFactory) event.getApplicationContext().getBeanFactory();
            beans.registerDisposableBean("hubEmbeddedPostgres", pg::close);
            beans.registerDisposableBean("hubEmbeddedKafka", kafka::close);
        });
        // the hub's topics are made after the broker starts: their files are tightened once the hub is ready
        application.addListeners((ApplicationListener<ApplicationReadyEvent>) event -> PrivateFolder.tighten(dataDir));
    }

    private static void closeQuietly(EmbeddedPostgres pg) {
        try {
            pg.close();
        } catch (java.io.IOException | RuntimeException suppressed) {
            // the start failure is the error worth reporting
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
