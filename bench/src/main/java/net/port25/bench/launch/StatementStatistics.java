package net.port25.bench.launch;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What PostgreSQL spent on the engine's statements during a scenario
 * ({@code pg_stat_statements}, which {@link PostgresServer} preloads): statements and
 * execution time per event, and the statements that took most of it. The profile of the
 * database's share of an event, next to the CPU the scenario measures.
 */
public final class StatementStatistics {

	private static final int TOP = 12;

	private static final int QUERY_LENGTH = 160;

	private static final String THIS_DATABASE = "dbid = (select oid from pg_database where datname = current_database())";

	private final PostgresServer postgres;

	private final String database;

	public StatementStatistics(PostgresServer postgres, String database) {
		this.postgres = postgres;
		this.database = database;
		execute("create extension if not exists pg_stat_statements");
	}

	/**
	 * Forgets what was counted so far: the next {@link #perEvent} covers what follows.
	 */
	public void reset() {
		execute("select pg_stat_statements_reset()");
	}

	/**
	 * Since the last reset, per event: statements, execution time, and the top
	 * statements.
	 */
	public Map<String, Object> perEvent(long events) {
		Map<String, Object> result = new LinkedHashMap<>();
		List<Map<String, Object>> top = new ArrayList<>();
		try (Connection connection = this.postgres.connect(this.database);
				Statement statement = connection.createStatement()) {
			try (ResultSet totals = statement.executeQuery("""
					select coalesce(sum(calls), 0), coalesce(sum(total_exec_time), 0), coalesce(sum(rows), 0)
					from pg_stat_statements where""" + " " + THIS_DATABASE)) {
				totals.next();
				result.put("statementsPerEvent", round(totals.getDouble(1) / events));
				result.put("executionMsPerEvent", round(totals.getDouble(2) / events));
				result.put("rowsPerEvent", round(totals.getDouble(3) / events));
			}
			try (ResultSet rows = statement
				.executeQuery("select calls, total_exec_time, query from pg_stat_statements where " + THIS_DATABASE
						+ " order by total_exec_time desc limit " + TOP)) {
				while (rows.next()) {
					Map<String, Object> row = new LinkedHashMap<>();
					row.put("callsPerEvent", round(rows.getDouble(1) / events));
					row.put("msPerEvent", round(rows.getDouble(2) / events));
					String query = rows.getString(3).replaceAll("\\s+", " ").trim();
					row.put("query", shortened(query));
					top.add(row);
				}
			}
		}
		catch (SQLException ex) {
			result.put("unavailable", ex.getMessage());
			return result;
		}
		result.put("top", top);
		return result;
	}

	// the statement's start and its condition, which tell two selects of one table apart
	private static String shortened(String query) {
		if (query.length() <= QUERY_LENGTH) {
			return query;
		}
		int where = query.toLowerCase(Locale.ROOT).indexOf(" where ");
		if (where < 0 || where < QUERY_LENGTH / 2) {
			return query.substring(0, QUERY_LENGTH) + "...";
		}
		String condition = query.substring(where);
		return query.substring(0, QUERY_LENGTH / 2) + " ..."
				+ (condition.length() > QUERY_LENGTH ? condition.substring(0, QUERY_LENGTH) + "..." : condition);
	}

	private void execute(String sql) {
		try (Connection connection = this.postgres.connect(this.database);
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(sql + ": " + ex.getMessage(), ex);
		}
	}

	private static double round(double value) {
		return Math.round(value * 100) / 100.0;
	}

}
