package settle.testdata;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * A test through the pages in a real headless Chromium: a fresh browser for each test, closed after it, and the
 * journeys that set the scene through the modules' services. Subclasses carry {@link SettleTest}.
 */
public abstract class BrowserTestCase {

  @LocalServerPort protected int port;
  @Autowired protected ApplicationContext context;
  protected Journeys journeys;
  protected Browser browser;

  @BeforeEach
  void openBrowser() {
    journeys = new Journeys(context);
    browser = new Browser(port);
  }

  /** A new browser with nobody signed in, for the next person in the story. */
  protected void freshBrowser() {
    browser.close();
    browser = new Browser(port);
  }

  @AfterEach
  void closeBrowser() {
    browser.close();
  }
}
