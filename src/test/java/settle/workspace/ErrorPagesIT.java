package settle.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import settle.testdata.Api;
import settle.testdata.PageSession;
import settle.testdata.SettleTest;

/** A person who reaches an error sees a page in the product's words with a way on; programs keep problem+json. */
@SettleTest
class ErrorPagesIT {

  @LocalServerPort int port;

  @Test
  void anUnknownPageIsAPageThatSaysSoAndLeadsBackToTheDashboard() {
    PageSession.Response page = PageSession.signIn(port, "casey", "casey").get("/no-such-page");

    assertThat(page.status()).isEqualTo(404);
    assertThat(page.contentType()).startsWith("text/html");
    assertThat(page.body()).contains("We could not find that page", "href=\"/\"", "Worklist").doesNotContain("\"status\"");
  }

  @Test
  void aRecordThatDoesNotExistIsTheSamePageNotJson() {
    PageSession.Response page = PageSession.signIn(port, "casey", "casey").get("/customers/987654321");

    assertThat(page.status()).isEqualTo(404);
    assertThat(page.contentType()).startsWith("text/html");
    assertThat(page.body()).contains("We could not find that page").doesNotContain("does not exist\"");
  }

  @Test
  void anActionTheRolesDoNotAllowIsAForbiddenPage() {
    // moving the demo clock is the process owner's
    PageSession.Response page = PageSession.signIn(port, "casey", "casey").postForm("/demo-clock", Map.of("days", "1", "back", "/"));

    assertThat(page.status()).isEqualTo(403);
    assertThat(page.contentType()).startsWith("text/html");
    assertThat(page.body()).contains("This is not yours to open or change", "Your roles do not include this");
  }

  @Test
  void anExpiredOrForgedHoldLinkSaysSoInWordsAndOffersTheSignIn() {
    PageSession.Response page = PageSession.anonymous(port).get("/holds/not-a-valid-token");

    assertThat(page.status()).isEqualTo(404);
    assertThat(page.contentType()).startsWith("text/html");
    assertThat(page.body()).contains("This link is not valid or has expired", "href=\"/login\"").doesNotContain("\"detail\"");
  }

  @Test
  void theApiStillAnswersProblemJson() {
    Api.Response missing = new Api(port).as("casey").get("/api/no-such-resource");

    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.contentType()).startsWith("application/problem+json");
    assertThat(new Api(port).as("casey").get("/api/customers/987654321").contentType()).startsWith("application/problem+json");
  }
}
