package net.port25.workflow.events;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Events of one poll whose engine writes are flushed together ({@link EngineFlush}): none
 * of them may concern the subject of another, since an engine query of the second would
 * not see what the first changed. A poll is split at every record whose key repeats one
 * before it in the group (the contract keys the requests topic by request); a record
 * whose data names a subject that its key does not, and that an event before it in the
 * group concerned, is refused by {@link #admit}, and the poll is then applied event by
 * event.
 */
final class FlushGroup {

	/** Each event on its own: the engine flushes at the end of each of its calls. */
	static final FlushGroup NONE = new FlushGroup();

	private final Set<String> subjects = new HashSet<>();

	private FlushGroup() {
	}

	/**
	 * Whether every handler names its events' subject, so that events can share a flush.
	 */
	static boolean namedByAll(Map<String, EventHandler<?>> handlers) {
		return handlers.values().stream().allMatch((handler) -> handler.subject() != null);
	}

	/** The poll in groups of records with distinct keys, in order. */
	static List<List<ConsumerRecord<String, byte[]>>> split(List<ConsumerRecord<String, byte[]>> records) {
		List<List<ConsumerRecord<String, byte[]>>> groups = new ArrayList<>();
		List<ConsumerRecord<String, byte[]>> group = new ArrayList<>();
		Set<String> keys = new HashSet<>();
		for (ConsumerRecord<String, byte[]> record : records) {
			if (record.key() != null && keys.contains(record.key())) {
				groups.add(group);
				group = new ArrayList<>();
				keys.clear();
			}
			group.add(record);
			if (record.key() != null) {
				keys.add(record.key());
			}
		}
		if (!group.isEmpty()) {
			groups.add(group);
		}
		return groups;
	}

	static FlushGroup start() {
		return new FlushGroup();
	}

	/**
	 * Takes the event's subject into the group (every handler names one: events share a
	 * group only then, {@link #namedByAll}).
	 * @throws SubjectRepeated if an event before it in the group concerned the same
	 */
	<T> void admit(EventHandler<T> handler, T data) {
		if (this == NONE) {
			return;
		}
		String subject = handler.subject().apply(data);
		if (subject != null && !subjects.add(subject)) {
			throw new SubjectRepeated(subject);
		}
	}

	/** Two events of one group concern the same subject under different keys. */
	static final class SubjectRepeated extends IllegalStateException {

		SubjectRepeated(String subject) {
			super("two events of one poll concern " + subject + " under different record keys");
		}

	}

}
