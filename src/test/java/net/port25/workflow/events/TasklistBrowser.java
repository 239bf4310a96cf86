package net.port25.workflow.events;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import net.port25.workflow.infrastructure.StaffUsers.StaffUser;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Tasklist in the machine's own headless Chromium, driven as a staff member uses it: by
 * what the page shows (filter names, task names, labels, buttons), never by ids. Nothing
 * is downloaded: the browser and its driver are Debian's {@code chromium} and
 * {@code chromium-driver}.
 */
final class TasklistBrowser implements AutoCloseable {

	private static final Path CHROMIUM = Path.of(System.getProperty("port25.chromium", "/usr/bin/chromium"));

	private static final Path CHROMEDRIVER = Path
		.of(System.getProperty("port25.chromedriver", "/usr/bin/chromedriver"));

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	private final WebDriver driver;

	private final WebDriverWait wait;

	private final Path screenshots;

	private final String origin;

	private TasklistBrowser(WebDriver driver, Path screenshots, String origin) {
		this.driver = driver;
		this.wait = new WebDriverWait(driver, PATIENCE);
		this.wait.ignoring(StaleElementReferenceException.class);
		this.screenshots = screenshots;
		this.origin = origin;
	}

	/** Why no browser can be driven here, if none can. */
	static Optional<String> unavailable() {
		for (Path executable : List.of(CHROMIUM, CHROMEDRIVER)) {
			if (!Files.isExecutable(executable)) {
				return Optional.of(executable + " is not installed (apt-get install chromium chromium-driver; "
						+ "or -Dport25.chromium=... -Dport25.chromedriver=...)");
			}
		}
		return Optional.empty();
	}

	/** A new browser window, logged in to Tasklist as the user. */
	static TasklistBrowser logIn(int port, StaffUser user, Path screenshots) {
		ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
			.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--lang=en-GB");
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.build();
		TasklistBrowser browser = new TasklistBrowser(new ChromeDriver(service, options), screenshots,
				"http://localhost:" + port);
		// tall enough that a whole form fits in a screenshot
		browser.driver.manage().window().setSize(new Dimension(1400, 2800));
		browser.driver.get(browser.origin + "/camunda/app/tasklist/");
		browser.visible(By.cssSelector("input[type=password]"));
		browser.driver.findElement(By.cssSelector("input[type=text]")).sendKeys(user.id());
		browser.driver.findElement(By.cssSelector("input[type=password]")).sendKeys(user.password());
		browser.driver.findElement(By.cssSelector("button[type=submit]")).click();
		browser.visible(By.cssSelector("[cam-tasklist-filters]"));
		return browser;
	}

	/** Picks the filter of this name in the left column. */
	TasklistBrowser filter(String name) {
		clickOn("the filter " + name, (page) -> linkContaining(By.cssSelector("[cam-tasklist-filters] a"), name));
		return this;
	}

	/**
	 * Types the text into the filter's search box, as a reviewer searching for a
	 * reference does.
	 */
	TasklistBrowser search(String text) {
		WebElement box = wait
			.until((page) -> displayed(By.cssSelector("[cam-widget-search] input")).findFirst().orElse(null));
		box.click();
		box.sendKeys(text, Keys.ENTER);
		until("a list of only the cards naming " + text, (page) -> {
			List<String> cards = cards();
			return !cards.isEmpty() && cards.stream().allMatch((card) -> card.contains(text));
		});
		return this;
	}

	/** The names of the task cards the list shows now. */
	List<String> cards() {
		return driver.findElements(By.cssSelector("li.task h4.task"))
			.stream()
			.map(WebElement::getText)
			.filter((text) -> !text.isBlank())
			.toList();
	}

	/** Waits for a card whose name contains the text and opens its task. */
	TasklistBrowser openCard(String text) {
		clickOn("a task card naming " + text, (page) -> linkContaining(By.cssSelector("li.task h4.task a"), text));
		visible(By.cssSelector(".fjs-container"));
		return this;
	}

	TasklistBrowser claim() {
		click(visible(By.cssSelector("button.claim")));
		until("the task to be claimed", (page) -> page.findElements(By.cssSelector(".disabled-form")).isEmpty());
		return this;
	}

	/**
	 * What the form says above itself while nobody has claimed the task (a style's text,
	 * which no element's text holds); empty once claimed.
	 */
	String unclaimedNotice() {
		Object content = ((JavascriptExecutor) driver)
			.executeScript("const form = document.querySelector('.disabled-form .fjs-container');"
					+ "return form ? getComputedStyle(form, '::before').content : '';");
		return String.valueOf(content).replaceAll("^\"|\"$", "");
	}

	/** Everything the open task's form says, as shown. */
	String form() {
		return visible(By.cssSelector(".fjs-container")).getText();
	}

	/** Chooses the option of a radio group whose label starts so. */
	TasklistBrowser choose(String optionStart) {
		clickOn("the option " + optionStart,
				(page) -> displayed(By.cssSelector(".fjs-form-field-radio label"))
					.filter((label) -> label.getText().startsWith(optionStart))
					.findFirst()
					.orElse(null));
		return this;
	}

	/** The options of the form's radio groups that are chosen. */
	List<String> chosenOptions() {
		return driver.findElements(By.cssSelector(".fjs-form-field-radio label"))
			.stream()
			.filter((label) -> !label.findElements(By.cssSelector("input:checked")).isEmpty())
			.map(WebElement::getText)
			.toList();
	}

	/** Types into the text field whose label starts so. */
	TasklistBrowser write(String labelStart, String text) {
		field(labelStart).findElement(By.tagName("textarea")).sendKeys(text);
		return this;
	}

	/** What the text field whose label starts so holds. */
	String written(String labelStart) {
		return field(labelStart).findElement(By.tagName("textarea")).getAttribute("value");
	}

	/** Ticks the checkbox whose label starts so. */
	TasklistBrowser tick(String labelStart) {
		click(field(labelStart).findElement(By.cssSelector("input[type=checkbox]")));
		return this;
	}

	/** Presses Complete; the form may refuse (see {@link #fieldErrors()}). */
	TasklistBrowser complete() {
		clickOn("an enabled Complete button",
				(page) -> displayed(By.tagName("button"))
					.filter((button) -> button.getText().trim().equals("Complete") && button.isEnabled())
					.findFirst()
					.orElse(null));
		return this;
	}

	/** The errors shown under the form's fields, each with its field's label. */
	List<String> fieldErrors() {
		return until("errors under the form's fields", (page) -> {
			List<String> errors = displayed(By.cssSelector(".fjs-has-errors"))
				.map((field) -> label(field) + ": "
						+ field.findElement(By.cssSelector(".fjs-form-field-error")).getText())
				.toList();
			return errors.isEmpty() ? null : errors;
		});
	}

	/** The banners Tasklist shows over the page now. */
	List<String> banners() {
		return displayed(By.cssSelector(".notifications .alert")).map(WebElement::getText).toList();
	}

	/** The notice that the task was completed, once it shows. */
	String completionNotice() {
		return visible(By.cssSelector(".port25-completion-notice")).getText();
	}

	/** The navigation bar's actions, as named. */
	List<String> navigationActions() {
		return displayed(By.cssSelector("nav.cam-nav li, [cam-widget-header] li")).map(WebElement::getText)
			.filter((text) -> !text.isBlank())
			.toList();
	}

	/** Saves what the window shows as {@code <screenshots>/<name>.png}. */
	Path screenshot(String name) {
		try {
			Files.createDirectories(screenshots);
			Path file = screenshots.resolve(name + ".png");
			Files.write(file, ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
			return file;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		driver.quit();
	}

	private WebElement field(String labelStart) {
		return until("the field labelled " + labelStart,
				(page) -> displayed(By.cssSelector(".fjs-form-field"))
					.filter((field) -> field.findElements(By.cssSelector(".fjs-form-field-label"))
						.stream()
						.anyMatch((label) -> label.getText().startsWith(labelStart)))
					.findFirst()
					.orElse(null));
	}

	// the label as read, without the asterisk of a required field
	private static String label(WebElement field) {
		return field.findElement(By.cssSelector(".fjs-form-field-label")).getText().replaceAll("\\s*\\*$", "");
	}

	private WebElement linkContaining(By links, String text) {
		return displayed(links).filter((link) -> link.getText().contains(text)).findFirst().orElse(null);
	}

	private Stream<WebElement> displayed(By selector) {
		return driver.findElements(selector).stream().filter(WebElement::isDisplayed);
	}

	private WebElement visible(By selector) {
		return until("something shown at " + selector, (page) -> displayed(selector).findFirst().orElse(null));
	}

	// on a timeout, what the page showed is kept next to the screenshots
	private <T> T until(String what, java.util.function.Function<WebDriver, T> condition) {
		try {
			return wait.withMessage("waited " + PATIENCE.toSeconds() + " s for " + what).until(condition);
		}
		catch (org.openqa.selenium.TimeoutException ex) {
			screenshot("failed-waiting-" + System.currentTimeMillis());
			throw ex;
		}
	}

	/**
	 * Finds and clicks in one step of the wait: Tasklist re-renders its lists while they
	 * load, so an element found a moment ago may be gone; it is then found again.
	 */
	private void clickOn(String what, java.util.function.Function<WebDriver, WebElement> find) {
		until(what, (page) -> {
			WebElement element = find.apply(page);
			if (element == null) {
				return null;
			}
			click(element);
			return true;
		});
	}

	// Tasklist re-renders often; a click through the page's script lands on what is there
	// now
	private void click(WebElement element) {
		((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
		element.click();
	}

}
