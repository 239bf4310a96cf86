package net.port25.bench.launch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * One server of the benchmark (or of a fault-injection run) as an operating-system
 * process of its own: started with its output in a log file and its pid in a pid file
 * under the run directory, stopped gracefully (SIGTERM) or killed (SIGKILL). A pid file
 * left by a run that was itself killed is found by {@link #killLeftover} on the next
 * start.
 */
public final class ManagedProcess {

	// what this JVM started and has not stopped: killed if the JVM itself is stopped
	// (Ctrl-C)
	private static final Set<ManagedProcess> running = ConcurrentHashMap.newKeySet();

	static {
		Runtime.getRuntime()
			.addShutdownHook(new Thread(() -> running.forEach(ManagedProcess::killQuietly), "kill-servers"));
	}

	private final String name;

	private final ProcessHandle handle;

	private final Path log;

	private final Path pidFile;

	private ManagedProcess(String name, ProcessHandle handle, Path log, Path pidFile) {
		this.name = name;
		this.handle = handle;
		this.log = log;
		this.pidFile = pidFile;
	}

	/**
	 * Starts {@code command} with {@code environment} added, output to
	 * {@code <name>.log}.
	 */
	public static ManagedProcess start(String name, List<String> command, Map<String, String> environment,
			Path runDirectory) {
		killLeftover(name, runDirectory);
		Path log = runDirectory.resolve(name + ".log");
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
		builder.environment().putAll(environment);
		try {
			Files.createDirectories(runDirectory);
			Process process = builder.start();
			return adopt(name, process.toHandle(), log, runDirectory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start " + name + ": " + command, ex);
		}
	}

	/**
	 * A process that something else started (PostgreSQL's {@code pg_ctl} detaches the
	 * server) but that this run owns from now on.
	 */
	public static ManagedProcess adopt(String name, ProcessHandle handle, Path log, Path runDirectory) {
		Path pidFile = runDirectory.resolve(name + ".pid");
		try {
			// the start time too: a pid alone may name an unrelated process by the time
			// it is read again
			Files.writeString(pidFile, handle.pid() + " " + startOf(handle));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		ManagedProcess process = new ManagedProcess(name, handle, log, pidFile);
		running.add(process);
		return process;
	}

	/** Kills (SIGKILL) a process of that name that an earlier, killed run left behind. */
	public static void killLeftover(String name, Path runDirectory) {
		Path pidFile = runDirectory.resolve(name + ".pid");
		if (!Files.exists(pidFile)) {
			return;
		}
		try {
			String[] recorded = Files.readString(pidFile).trim().split(" ");
			long pid = Long.parseLong(recorded[0]);
			Optional<ProcessHandle> leftover = ProcessHandle.of(pid)
				.filter(ProcessHandle::isAlive)
				.filter((process) -> recorded.length > 1 && startOf(process).equals(recorded[1]));
			if (leftover.isPresent()) {
				System.out.printf("killing %s (pid %d) left by an earlier run%n", name, pid);
				List<ProcessHandle> descendants = leftover.get().descendants().toList();
				leftover.get().destroyForcibly();
				descendants.forEach(ProcessHandle::destroyForcibly);
				leftover.get().onExit().orTimeout(30, TimeUnit.SECONDS).join();
			}
			Files.deleteIfExists(pidFile);
		}
		catch (IOException | RuntimeException ex) {
			// a stale pid file: nothing to kill
		}
	}

	public String name() {
		return this.name;
	}

	public long pid() {
		return this.handle.pid();
	}

	public Path log() {
		return this.log;
	}

	public boolean isAlive() {
		return this.handle.isAlive();
	}

	/**
	 * Waits until {@code ready} holds, failing early (with the log's tail) if the process
	 * dies.
	 */
	public void awaitReady(BooleanSupplier ready, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!ready.getAsBoolean()) {
			if (!isAlive()) {
				throw new IllegalStateException(this.name + " exited during start-up; its log ends with:\n" + tail());
			}
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException(
						this.name + " not ready within " + timeout + "; its log ends with:\n" + tail());
			}
			sleep(Duration.ofMillis(200));
		}
	}

	/**
	 * SIGTERM, then waits; SIGKILL (to it and what it started) if it has not exited
	 * within {@code grace}.
	 */
	public void stop(Duration grace) {
		if (isAlive()) {
			this.handle.destroy();
			try {
				this.handle.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (Exception ex) {
				killWithDescendants();
			}
		}
		forget();
	}

	/** CPU time of the process and of the processes it started that are still running. */
	public long cpuMillisWithDescendants() {
		return CpuUsage.cpuMillis(this.handle) + this.handle.descendants().mapToLong(CpuUsage::cpuMillis).sum();
	}

	/** The executable's path, as the operating system reports it. */
	public String command() {
		return this.handle.info().command().orElseThrow(() -> new IllegalStateException(this.name + " has exited"));
	}

	/**
	 * SIGKILL to the process and to everything it started (a server's worker processes).
	 */
	public void killWithDescendants() {
		List<ProcessHandle> descendants = this.handle.descendants().toList();
		kill();
		descendants.forEach(ProcessHandle::destroyForcibly);
		descendants.forEach((child) -> child.onExit().orTimeout(30, TimeUnit.SECONDS).join());
	}

	private void killQuietly() {
		try {
			killWithDescendants();
		}
		catch (RuntimeException ex) {
			System.err.println("could not kill " + this.name + " (pid " + pid() + "): " + ex);
		}
	}

	/**
	 * SIGKILL, as a crash would end it: no shutdown hook, no flush. Waits for the exit.
	 */
	public void kill() {
		if (isAlive()) {
			this.handle.destroyForcibly();
			this.handle.onExit().orTimeout(30, TimeUnit.SECONDS).join();
		}
		forget();
	}

	/** The last lines of the process's log. */
	public String tail() {
		try {
			List<String> lines = Files.readAllLines(this.log);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

	private void forget() {
		running.remove(this);
		try {
			Files.deleteIfExists(this.pidFile);
		}
		catch (IOException ex) {
			// the next run finds a pid of a dead process and ignores it
		}
	}

	private static String startOf(ProcessHandle process) {
		return process.info().startInstant().map(Object::toString).orElse("unknown");
	}

	/** Sleeps; an interruption ends the run. */
	public static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}

}
