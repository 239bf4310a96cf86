package net.port25.faults;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import net.port25.bench.launch.EngineNode;
import net.port25.bench.launch.KafkaBroker;
import net.port25.bench.launch.PostgresServer;

/** The servers of a run: PostgreSQL, the broker and the engine nodes. */
record Cluster(PostgresServer postgres, KafkaBroker kafka, List<EngineNode> nodes, Set<EngineNode> retired) {

	Cluster(PostgresServer postgres, KafkaBroker kafka, List<EngineNode> nodes) {
		this(postgres, kafka, nodes, ConcurrentHashMap.newKeySet());
	}

	/** The nodes that run or are being restarted (not those killed for good). */
	List<EngineNode> nodesUp() {
		return this.nodes.stream().filter((node) -> !this.retired.contains(node)).toList();
	}

	List<String> baseUrls() {
		return nodesUp().stream().map(EngineNode::baseUrl).toList();
	}

	void restart(EngineNode node) {
		node.start();
	}

	void retire(EngineNode node) {
		this.retired.add(node);
	}

}
