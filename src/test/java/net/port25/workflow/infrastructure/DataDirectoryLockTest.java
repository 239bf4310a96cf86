package net.port25.workflow.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoryLockTest {

	@TempDir
	Path dataDirectory;

	@Test
	void refusesASecondRunOnTheSameDataDirectoryNamingTheFirst() {
		DataDirectoryLock first = DataDirectoryLock.acquire(dataDirectory);

		assertThat(first.isHeld()).isTrue();
		assertThatIllegalStateException().isThrownBy(() -> DataDirectoryLock.acquire(dataDirectory))
			.withMessageContaining("already running")
			.withMessageContaining("process " + ProcessHandle.current().pid());
	}

}
