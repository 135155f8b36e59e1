package org.earlyhelp.hub.app.config;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.camel.component.kafka.KafkaComponent;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.earlyhelp.hub.connector.api.Connectors;
import org.earlyhelp.hub.connector.api.Topics;
import org.earlyhelp.hub.connector.api.batch.ConsumerProgress;
import org.earlyhelp.hub.connector.api.batch.FailureClassifier;
import org.earlyhelp.hub.connector.api.batch.KafkaBatch;
import org.earlyhelp.hub.connector.api.batch.TopicPublisher;
import org.earlyhelp.hub.governance.flow.Governance;
import org.earlyhelp.hub.routes.govern.GovernBatchProcessor;
import org.earlyhelp.hub.routes.govern.GovernRoute;
import org.earlyhelp.hub.routes.resolve.RecordResolver;
import org.earlyhelp.hub.schema.HubRecord;
import org.earlyhelp.hub.schema.codec.RecordCodec;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Topics, the idempotent producer for governed output, and the govern route for each inbound partner. Every Kafka
 * client here, and the Camel component, takes its connection settings from {@link KafkaClientSettings}.
 */
@Configuration(proxyBeanMethods = false)
public class KafkaConfiguration {

    @Bean
    KafkaClientSettings kafkaClientSettings(HubProperties hub) {
        return new KafkaClientSettings(hub.kafka());
    }

    /** The Camel Kafka component's producers and consumers take the same shared settings as the hub's own clients. */
    @Bean
    ComponentCustomizer kafkaComponentSettings(KafkaClientSettings settings) {
        return ComponentCustomizer.forType(KafkaComponent.class, component -> {
            Map<String, Object> additional = new HashMap<>();
            if (component.getConfiguration().getAdditionalProperties() != null) {
                additional.putAll(component.getConfiguration().getAdditionalProperties());
            }
            additional.putAll(settings.shared());
            component.getConfiguration().setAdditionalProperties(additional);
        });
    }

    /**
     * Creates the topics of every connector before any route starts (inbound and dead letters per provider, outbound
     * per delivering partner); existing topics are left as they are.
     */
    @Bean
    InitializingBean hubTopics(HubProperties hub, Connectors connectors, Topics topics, KafkaClientSettings settings) {
        return () -> {
            Set<String> names = connectors.topics(topics);
            try (Admin admin =
                    Admin.create(settings.configure(Map.of(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000)))) {
                Set<String> existing = admin.listTopics().names().get();
                List<NewTopic> missing = new ArrayList<>();
                for (String name : names) {
                    if (!existing.contains(name)) {
                        missing.add(new NewTopic(
                                name, hub.kafka().partitions(), hub.kafka().replicationFactor()));
                    }
                }
                if (!missing.isEmpty()) {
                    admin.createTopics(missing).all().get();
                }
            } catch (ExecutionException e) {
                throw new IllegalStateException(
                        "could not create the hub's topics on " + hub.kafka().bootstrapServers(), e);
            }
        };
    }

    @Bean(destroyMethod = "close")
    Producer<String, byte[]> governedProducer(KafkaClientSettings settings) {
        return new KafkaProducer<>(settings.configure(Map.of(
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true,
                ProducerConfig.LINGER_MS_CONFIG,
                2,
                ProducerConfig.CLIENT_ID_CONFIG,
                "hub-govern",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                ByteArraySerializer.class)));
    }

    /** How far each consumer of this instance has got; read by the readiness check. */
    @Bean
    ConsumerProgress consumerProgress(Clock clock) {
        return new ConsumerProgress(clock);
    }

    @Bean
    GovernBatchProcessor governBatchProcessor(
            Topics topics,
            RecordResolver resolver,
            Governance governance,
            Producer<String, byte[]> governedProducer,
            RecordCodec codec,
            Clock clock,
            MeterRegistry meters) {
        return new GovernBatchProcessor(
                resolver, governance, new TopicPublisher(governedProducer), codec, clock, meters, topics);
    }

    /**
     * One govern route per partner kind that sends records, over its own inbound topic: a partner whose records
     * fail (or flood) holds up only its own flow, and its dead letters go to its own dead-letter topic.
     */
    @Bean
    GovernRoute governRoutes(
            Connectors connectors,
            Topics topics,
            BatchProperties batch,
            GovernBatchProcessor processor,
            Producer<String, byte[]> governedProducer,
            RecordCodec codec,
            ConsumerProgress progress,
            MeterRegistry meters) {
        List<GovernRoute.Flow> flows = new ArrayList<>();
        for (String provider : connectors.providers()) {
            String flow = GovernRoute.routeId(provider);
            KafkaBatch<HubRecord> governBatch = new KafkaBatch<>(
                    flow,
                    codec::decodeRecord,
                    processor,
                    item -> topics.deadLetter(provider),
                    null,
                    FailureClassifier.standard(),
                    batch.settings(),
                    new TopicPublisher(governedProducer),
                    progress,
                    meters);
            flows.add(new GovernRoute.Flow(provider, topics.inbound(provider), governBatch));
        }
        return new GovernRoute(flows, batch.maxPollRecords());
    }
}
