package net.port25.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the numbers were measured on. */
public final class Machine {

	private Machine() {
	}

	public static Map<String, Object> describe() {
		Map<String, Object> machine = new LinkedHashMap<>();
		machine.put("cpu", firstValue("/proc/cpuinfo", "model name"));
		machine.put("cores", Runtime.getRuntime().availableProcessors());
		machine.put("memory", firstValue("/proc/meminfo", "MemTotal"));
		machine.put("os", firstValue("/etc/os-release", "PRETTY_NAME").replace("\"", ""));
		machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
		machine.put("commit", System.getProperty("bench.commit", "unknown"));
		machine.put("loadAverageAtStart", loadAverage());
		return machine;
	}

	public static String loadAverage() {
		try {
			String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
			return fields[0] + " " + fields[1] + " " + fields[2];
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

	private static String firstValue(String file, String key) {
		try {
			List<String> lines = Files.readAllLines(Path.of(file));
			for (String line : lines) {
				int separator = line.indexOf(line.contains("=") && !line.contains(":") ? '=' : ':');
				if (separator > 0 && line.substring(0, separator).trim().equals(key)) {
					return line.substring(separator + 1).trim();
				}
			}
		}
		catch (IOException ex) {
			// not Linux: say so below
		}
		return "unknown";
	}

}
