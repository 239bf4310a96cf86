package net.port25.workflow.events;

import java.util.stream.Stream;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Creates the contract topics and the inbound dead-letter topics at start-up (existing
 * topics are left alone). A dead-letter topic has as many partitions as its source, so a
 * record keeps its partition there; the inventory topic is compacted.
 */
@Configuration(proxyBeanMethods = false)
class KafkaTopicsConfiguration {

	@Bean
	KafkaAdmin.NewTopics contractTopics(TopicsProperties topics) {
		Stream<String> deadLetterTopics = topics.inbound().stream().map(TopicsProperties::deadLetterTopicOf);
		NewTopic[] all = Stream.of(topics.inbound().stream(), topics.outbound().stream(), deadLetterTopics)
			.flatMap(names -> names)
			.map(name -> topic(name, topics))
			.toArray(NewTopic[]::new);
		return new KafkaAdmin.NewTopics(all);
	}

	// The inventory holds the latest record per service: compacted, as the contract says,
	// where the engine creates it.
	private static NewTopic topic(String name, TopicsProperties topics) {
		TopicBuilder topic = TopicBuilder.name(name)
			.partitions(topics.partitions())
			.replicas(topics.replicationFactor());
		return (name.equals(topics.inventory()) ? topic.compact() : topic).build();
	}

}
