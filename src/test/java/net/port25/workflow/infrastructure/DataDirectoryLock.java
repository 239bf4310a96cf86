package net.port25.workflow.infrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Makes sure only one engine at a time runs on a data directory. The operating system
 * releases the lock when the process ends, however it ends, so a killed run never blocks
 * the next one.
 */
public final class DataDirectoryLock {

	private static final String LOCK_FILE = "port25-workflow.lock";

	private final FileChannel channel;

	private final FileLock lock;

	private DataDirectoryLock(FileChannel channel, FileLock lock) {
		this.channel = channel;
		this.lock = lock;
	}

	/** Takes the lock for the rest of this JVM's life, or fails saying who holds it. */
	public static DataDirectoryLock acquire(Path dataDirectory) {
		Path file = dataDirectory.resolve(LOCK_FILE);
		try {
			Files.createDirectories(dataDirectory);
			FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
					StandardOpenOption.WRITE);
			FileLock lock = tryLock(channel);
			if (lock == null) {
				String holder = Files.readString(file, StandardCharsets.UTF_8).trim();
				channel.close();
				throw new IllegalStateException(
						"port25-workflow is already running on " + dataDirectory.toAbsolutePath() + " (process "
								+ holder + "). Stop it first (Ctrl-C in its terminal).");
			}
			channel.truncate(0);
			channel
				.write(ByteBuffer.wrap(Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.UTF_8)));
			channel.force(true);
			return new DataDirectoryLock(channel, lock);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot lock " + file, ex);
		}
	}

	private static FileLock tryLock(FileChannel channel) throws IOException {
		try {
			return channel.tryLock();
		}
		catch (OverlappingFileLockException ex) {
			return null;
		}
	}

	public boolean isHeld() {
		return lock.isValid() && channel.isOpen();
	}

}
