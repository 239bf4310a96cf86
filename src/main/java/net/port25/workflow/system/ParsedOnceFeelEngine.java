package net.port25.workflow.system;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import camundajar.impl.scala.util.Either;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.function.CustomFunctionTransformer;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.feel.FeelEngine;
import org.camunda.feel.FeelEngine.Configuration;
import org.camunda.feel.FeelEngine.Failure;
import org.camunda.feel.context.FunctionProvider;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.camunda.feel.valuemapper.ValueMapper;
import org.camunda.feel.valuemapper.ValueMapper.CompositeValueMapper;

/**
 * Camunda's FEEL engine, parsing each expression of the deployed decisions once. The
 * engine as shipped parses every input entry of a decision table again on every
 * evaluation: two thirds of the time the decisions of one request take (bench, JDK Flight
 * Recorder at 80 requests/s), for expressions that never change.
 */
class ParsedOnceFeelEngine extends ScalaFeelEngine {

	/**
	 * Far more than the decisions under bpmn/ hold (about a thousand), so that an
	 * expression that is not in a model (none are, today) cannot grow the memory without
	 * bound: past it, an expression is parsed as the engine parses it.
	 */
	static final int MOST_EXPRESSIONS_KEPT = 20_000;

	ParsedOnceFeelEngine(List<FeelCustomFunctionProvider> functionProviders) {
		super(functionProviders);
	}

	/**
	 * Called by the constructor of {@link ScalaFeelEngine}, with the engine's own
	 * settings.
	 */
	@Override
	protected FeelEngine buildFeelEngine(CustomFunctionTransformer functions, CompositeValueMapper values) {
		return new ParsingOnce(functions, values, MOST_EXPRESSIONS_KEPT);
	}

	/** How many parsed expressions and unary tests the engine keeps. */
	int expressionsKept() {
		return ((ParsingOnce) feelEngine).expressionsKept();
	}

	/** The parsed form of an expression is immutable, so every thread shares it. */
	static final class ParsingOnce extends FeelEngine {

		private final Map<String, Either<Failure, ParsedExpression>> expressions = new ConcurrentHashMap<>();

		private final Map<String, Either<Failure, ParsedExpression>> unaryTests = new ConcurrentHashMap<>();

		private final int mostKept;

		ParsingOnce(FunctionProvider functions, ValueMapper values, int mostKept) {
			// external (Java) functions stay off, as in ScalaFeelEngine.buildFeelEngine
			super(functions, values, new Configuration(false), FeelEngine.defaultClock());
			this.mostKept = mostKept;
		}

		@Override
		public Either<Failure, ParsedExpression> parseExpression(String expression) {
			return parsedOnce(expressions, expression, super::parseExpression);
		}

		@Override
		public Either<Failure, ParsedExpression> parseUnaryTests(String expression) {
			return parsedOnce(unaryTests, expression, super::parseUnaryTests);
		}

		int expressionsKept() {
			return expressions.size() + unaryTests.size();
		}

		private Either<Failure, ParsedExpression> parsedOnce(Map<String, Either<Failure, ParsedExpression>> kept,
				String expression, Function<String, Either<Failure, ParsedExpression>> parse) {
			Either<Failure, ParsedExpression> parsed = kept.get(expression);
			if (parsed != null) {
				return parsed;
			}
			parsed = parse.apply(expression);
			if (expressionsKept() < mostKept) {
				kept.putIfAbsent(expression, parsed);
			}
			return parsed;
		}

	}

}
