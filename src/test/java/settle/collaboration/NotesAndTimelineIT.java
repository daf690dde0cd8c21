package settle.collaboration;

import static org.assertj.core.api.Assertions.assertThat;
import static settle.testdata.CustomerBuilder.aCustomer;
import static settle.testdata.OrderBuilder.anOrderFor;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import settle.customers.CustomerView;
import settle.invoicing.InvoiceView;
import settle.testdata.Api;
import settle.testdata.Journeys;
import settle.testdata.SettleTest;

/** /api/customers/{id}/notes and /timeline as a caller uses them: notes with @mentions, and the timeline narrowed by kind. */
@SettleTest
class NotesAndTimelineIT {

  private static final String WRITES = "select (select count(*) from note) || '/' || (select count(*) from mail_outbox)";

  @LocalServerPort int port;
  @Autowired ApplicationContext context;
  @Autowired JdbcTemplate jdbc;
  Journeys journeys;
  Api api;
  CustomerView customer;

  @BeforeEach
  void setUp() {
    journeys = new Journeys(context);
    api = new Api(port);
    customer = journeys.customer(aCustomer());
  }

  @Test
  void aNoteMentioningAColleagueIsListedOnTheCustomerAndMailsThemALinkBack() throws Exception {
    Api.Response added = api.post("/api/customers/" + customer.id() + "/notes",
        "{\"body\": \"Their AP moved offices, @casey please call the new number\"}");

    assertThat(added.status()).isEqualTo(201);
    assertThat(added.body().get("author").asText()).isEqualTo("demo");
    assertThat(added.body().get("mentions")).extracting(JsonNode::asText).containsExactly("casey");
    long id = added.body().get("id").asLong();
    assertThat(api.get("/api/customers/" + customer.id() + "/notes").body()).extracting(n -> n.get("id").asLong()).contains(id);

    String mailBody = new String(journeys.awaitMailsTo("casey@northwind.example", 1).stream()
        .filter(m -> subject(m).endsWith("mentioned you on " + customer.name())).findFirst().orElseThrow()
        .getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(mailBody).contains("Their AP moved offices").contains("/customers/" + customer.id() + "#note-" + id);
  }

  @Test
  void aMentionOfSomeoneWhoIsNoColleagueIsRefusedNamingThemAndNothingIsWrittenOrSent() {
    String before = jdbc.queryForObject(WRITES, String.class);

    Api.Response refused = api.post("/api/customers/" + customer.id() + "/notes", "{\"body\": \"@casey and @nobody.here should know\"}");

    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(refused.body().get("detail").asText()).contains("@nobody.here is not a colleague");
    assertThat(refused.body().get("errors")).anySatisfy(e -> assertThat(e.get("field").asText()).isEqualTo("body"));
    assertThat(jdbc.queryForObject(WRITES, String.class)).isEqualTo(before);
    assertThat(api.get("/api/customers/" + customer.id() + "/notes").body()).isEmpty();
  }

  @Test
  void theTimelineNarrowedByKindShowsOnlyThoseKindsNewestFirst() {
    InvoiceView invoice = journeys.invoiced(anOrderFor(customer.id()).worth("250.00"));
    journeys.awaitMailsTo(customer.apEmail(), 1);
    assertThat(api.post("/api/customers/" + customer.id() + "/notes", "{\"body\": \"First note\"}").status()).isEqualTo(201);
    assertThat(api.post("/api/customers/" + customer.id() + "/notes",
        "{\"body\": \"Second note\", \"invoiceId\": " + invoice.id() + "}").status()).isEqualTo(201);
    journeys.quiesce();

    List<JsonNode> all = entries("");
    assertThat(all).extracting(e -> e.get("kind").asText()).contains("NOTE", "MAIL", "INVOICE", "CREDIT");

    List<JsonNode> notes = entries("?kind=NOTE");
    assertThat(notes).extracting(e -> e.get("title").asText()).containsExactly("Note by demo: Second note", "Note by demo: First note");

    List<JsonNode> notesAndMails = entries("?kind=note,MAIL");
    assertThat(notesAndMails).extracting(e -> e.get("kind").asText()).containsOnly("NOTE", "MAIL").contains("NOTE", "MAIL");
    assertThat(notesAndMails).hasSize((int) all.stream().filter(e -> List.of("NOTE", "MAIL").contains(e.get("kind").asText())).count());

    Api.Response refused = api.get("/api/customers/" + customer.id() + "/timeline?kind=GOSSIP");
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.body().get("errors")).anySatisfy(e -> assertThat(e.get("field").asText()).isEqualTo("kind"));
    assertThat(refused.body().get("detail").asText()).contains("'GOSSIP'");
  }

  private List<JsonNode> entries(String query) {
    Api.Response response = api.get("/api/customers/" + customer.id() + "/timeline" + query);
    assertThat(response.status()).isEqualTo(200);
    List<JsonNode> entries = new ArrayList<>();
    response.body().forEach(entries::add);
    return entries;
  }

  private static String subject(jakarta.mail.internet.MimeMessage mail) {
    try {
      return mail.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
