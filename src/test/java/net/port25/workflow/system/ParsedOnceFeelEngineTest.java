package net.port25.workflow.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.feel.impl.FeelException;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.feel.FeelEngine;
import org.junit.jupiter.api.Test;

/**
 * The decision engine's FEEL, parsed once per expression, decides as Camunda's own engine
 * decides.
 */
class ParsedOnceFeelEngineTest {

	private final ScalaFeelEngine shipped = new ScalaFeelEngine(List.of());

	private final ParsedOnceFeelEngine parsedOnce = new ParsedOnceFeelEngine(List.of());

	@Test
	void decidesUnaryTestsAsTheEngineAsShipped() {
		List<String> tests = List.of("> 10", "[1..5]", "not(3, 4)", "-", "11, 12", "< 0");
		for (String test : tests) {
			for (Object input : List.of(0L, 3L, 11L, 40L)) {
				VariableContext context = Variables.createVariables().putValue("cellInput", input).asVariableContext();
				assertThat(parsedOnce.evaluateSimpleUnaryTests(test, "cellInput", context)).as("%s for %s", test, input)
					.isEqualTo(shipped.evaluateSimpleUnaryTests(test, "cellInput", context));
			}
		}
	}

	@Test
	void evaluatesExpressionsAsTheEngineAsShipped() {
		VariableContext context = Variables.createVariables()
			.putValue("volume", 2_500L)
			.putValue("domain", "mail.example.com")
			.asVariableContext();
		for (String expression : List.of("volume * 30", "string length(domain)",
				"if volume > 1000 then \"bulk\" else \"low\"", "ends with(domain, \".com\")")) {
			Object expected = shipped.evaluateSimpleExpression(expression, context);
			assertThat((Object) parsedOnce.evaluateSimpleExpression(expression, context)).as(expression)
				.isEqualTo(expected);
		}
	}

	@Test
	void parsesEachExpressionOnceWhateverItIsEvaluatedWith() {
		for (long input = 0; input < 20; input++) {
			VariableContext context = Variables.createVariables().putValue("cellInput", input).asVariableContext();
			assertThat(parsedOnce.evaluateSimpleUnaryTests("> 10", "cellInput", context)).isEqualTo(input > 10);
			assertThat((Long) parsedOnce.evaluateSimpleExpression("cellInput + 1", context)).isEqualTo(input + 1);
		}

		assertThat(parsedOnce.expressionsKept()).isEqualTo(2);
	}

	@Test
	void refusesAnUnparsableTestEveryTimeAsTheEngineAsShipped() {
		VariableContext context = Variables.createVariables().putValue("cellInput", 1L).asVariableContext();

		assertThatThrownBy(() -> shipped.evaluateSimpleUnaryTests("> >", "cellInput", context))
			.isInstanceOf(FeelException.class);
		for (int attempt = 0; attempt < 2; attempt++) {
			assertThatThrownBy(() -> parsedOnce.evaluateSimpleUnaryTests("> >", "cellInput", context))
				.isInstanceOf(FeelException.class)
				.hasMessageContaining("> >");
		}
	}

	@Test
	void keepsNoMoreThanItsLimitAndStillParsesTheRest() {
		ParsedOnceFeelEngine.ParsingOnce engine = new ParsedOnceFeelEngine.ParsingOnce(
				FeelEngine.defaultFunctionProvider(), FeelEngine.defaultValueMapper(), 2);

		engine.parseExpression("1 + 1");
		engine.parseUnaryTests("> 1");
		assertThat(String.valueOf(engine.evalExpression("2 + 2", Map.of()).toOption().get())).isEqualTo("4");

		assertThat(engine.expressionsKept()).isEqualTo(2);
	}

}
