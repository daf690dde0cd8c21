package settle.testdata;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's chromium and chromium-driver) driving the pages as a person
 * would. Screenshots go to {@code target/screenshots} for people to look at.
 */
public final class Browser implements AutoCloseable {

  public static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private final ChromeDriver driver;
  private final String base;

  public Browser(int port) {
    this(port, "en-GB,en");
  }

  /** A browser whose user reads {@code languages} (its Accept-Language), e.g. "de-DE,de". */
  public Browser(int port, String languages) {
    ChromeOptions options = new ChromeOptions();
    options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", languages));
    options.setBinary(firstExisting("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"));
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-dev-shm-usage", "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1366,900");
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(Path.of(firstExisting("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver")).toFile())
        .build();
    this.driver = new ChromeDriver(service, options);
    this.driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    this.base = "http://127.0.0.1:" + port;
  }

  public Browser signIn(String username, String password) {
    open("/login");
    driver.findElement(By.id("username")).sendKeys(username);
    driver.findElement(By.id("password")).sendKeys(password);
    submit("form button[type=submit]");
    return this;
  }

  /**
   * Opens a page and waits until it has loaded with its stylesheet: the driver can hand a page back while it is still
   * "interactive" (seen on /orders/new), and a layout measured then is the unstyled one.
   */
  public Browser open(String path) {
    driver.get(base + path);
    new WebDriverWait(driver, Journeys.PATIENCE).until(d -> "complete".equals(script("return document.readyState")));
    return this;
  }

  public WebElement find(String css) {
    return new WebDriverWait(driver, Journeys.PATIENCE).until(d -> d.findElement(By.cssSelector(css)));
  }

  /** Clicks what loads a new page (a link, a form's button) and waits until the old page is gone. */
  public void submit(String css) {
    WebElement page = driver.findElement(By.tagName("html"));
    find(css).click();
    new WebDriverWait(driver, Journeys.PATIENCE).until(d -> gone(page));
  }

  /**
   * Whether the element's page has been replaced. Chrome sometimes answers a look at an element of a page it is just
   * replacing with "Node … does not belong to the document" instead of a stale-element error; both mean gone.
   */
  private static boolean gone(WebElement element) {
    try {
      element.isEnabled();
      return false;
    } catch (org.openqa.selenium.StaleElementReferenceException e) {
      return true;
    } catch (org.openqa.selenium.WebDriverException e) {
      if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
        return true;
      }
      throw e;
    }
  }

  /** Sets a field's value as a date picker would, independent of the browser's locale. */
  public void setValue(String css, String value) {
    driver.executeScript("arguments[0].value = arguments[1]", find(css), value);
  }

  public void select(String css, String value) {
    new org.openqa.selenium.support.ui.Select(find(css)).selectByValue(value);
  }

  public Object script(String javascript) {
    return driver.executeScript(javascript);
  }

  public List<WebElement> all(String css) {
    return driver.findElements(By.cssSelector(css));
  }

  public String text() {
    return driver.findElement(By.tagName("body")).getText();
  }

  public String path() {
    return java.net.URI.create(driver.getCurrentUrl()).getPath();
  }

  /** Waits until the page, reloaded now and then, shows the text: the processes behind it work asynchronously. */
  public void reloadUntilShown(String text) {
    try {
      new WebDriverWait(driver, Journeys.PATIENCE, Duration.ofMillis(500)).until(d -> {
        if (text().contains(text)) {
          return true;
        }
        d.navigate().refresh();
        return false;
      });
    } catch (org.openqa.selenium.TimeoutException e) {
      throw new AssertionError("The page never showed '" + text + "'; it shows:\n" + text(), e);
    }
  }

  /**
   * For work that takes minutes (a policy simulation): reloads every two seconds until the page shows one of the texts
   * (a state it ends in, say "Finished" or "Failed") or {@code patience} runs out; answers the text seen.
   */
  public String reloadUntilOneShown(Duration patience, String... texts) {
    try {
      return new WebDriverWait(driver, patience, Duration.ofSeconds(2)).until(d -> {
        String shown = text();
        for (String text : texts) {
          if (shown.contains(text)) {
            return text;
          }
        }
        d.navigate().refresh();
        return null;
      });
    } catch (org.openqa.selenium.TimeoutException e) {
      throw new AssertionError("The page never showed any of " + List.of(texts) + "; it shows:\n" + text(), e);
    }
  }

  /** The window's size, e.g. 390 × 844 to see a page as on a phone. */
  public void resize(int width, int height) {
    driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, height));
  }

  /** The window of a phone (390 × 844), for a screenshot at that width. */
  public Browser phoneWidth() {
    resize(390, 844);
    return this;
  }

  public Path screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Path file = SCREENSHOTS.resolve(name + ".png");
      Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
      return file;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    driver.quit();
  }

  private static String firstExisting(String... paths) {
    for (String p : paths) {
      if (Files.isExecutable(Path.of(p))) {
        return p;
      }
    }
    throw new IllegalStateException("No Chromium found at " + List.of(paths)
        + ": install it with apt-get install -y chromium chromium-driver");
  }
}
