package settle;

import static org.assertj.core.api.Assertions.assertThat;
import static settle.testdata.CustomerBuilder.aCustomer;
import static settle.testdata.OrderBuilder.anOrderFor;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.MethodParameter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import settle.customers.CustomerView;
import settle.disputes.RaiseDispute;
import settle.invoicing.InvoiceView;
import settle.orders.OrderView;
import settle.testdata.PageSession;
import settle.testdata.Journeys;
import settle.testdata.SettleTest;

/**
 * Hundreds of hostile requests, generated from a fixed seed over every state-changing route (JSON
 * bodies, forms, multipart; taken from Spring's handler mapping, so a new route is covered the day it
 * is added): NUL bytes, over-long text, numbers beyond any column, malformed dates, wrong types and
 * shapes, unknown ids. None may get a 5xx; a refusal is problem+json on the API and writes nothing,
 * checked by the row counts of the main tables read before each request and compared after it.
 * (Invoices are not counted: the engine's workers write them after a fulfilment, not the request.)
 * API calls ride the signed-in session (with its CSRF token) rather than HTTP Basic, to spend the time on
 * requests, not password hashing. {@code -Dhostile.seed=…} replays another run.
 */
@SettleTest
class HostileInputIT {

  private static final long SEED = Long.getLong("hostile.seed", 20261130L);
  private static final int PER_ROUTE = 16;
  private static final String COUNTS = "select concat_ws('/', "
      + String.join(", ", List.of("customer", "sales_order", "order_line", "dispute", "dispute_attachment", "payment",
          "promise_to_pay", "payment_plan", "payment_plan_instalment", "collection_hold", "note", "staff_user", "staff_role",
          "bank_statement", "bank_statement_line").stream().map(t -> "(select count(*) from " + t + ")").toList()) + ")";

  /** Routes left to fixed cases below: a valid generated request would move the clock every test shares. */
  private static final Set<String> FIXED_CASES_ONLY = Set.of("/api/clock/advance", "/demo-clock");

  private static final List<String> HOSTILE_JSON = List.of("null", "\"\"", "\" \"", "\"\\u0000\"", "\"a\\u0000b\"",
      "\"" + "x".repeat(10_000) + "\"", "\"" + "é".repeat(300) + "\"", "1e400", "-1e400", "1e-400",
      "99999999999999999999999999999999", "-99999999999999999999999999999", "9223372036854775808", "2147483648", "-1", "0",
      "0.001", "-0.01", "1.5", "true", "[]", "{}", "[1,2,3]", "{\"a\":1}", "\"2026-02-30\"", "\"+999999999-12-31\"",
      "\"-999999999-01-01\"", "\"<script>alert(1)</script>\"", "\"' or 1=1 --\"", "\"\\r\\nX-Injected: 1\"", "\"\\ud800\"",
      "\"NaN\"", "\"1e400\"", "\"99999999999999999999999999\"", "\"../../etc/passwd\"");
  private static final List<String> HOSTILE_BODIES = List.of("", "{", "null", "[]", "\"x\"", "{\"a\":}", "{}",
      "[".repeat(5000) + "]".repeat(5000), "{\"lines\": [" + "{},".repeat(4000) + "{}]}", "\u0000\u0001\u0002", "<xml/>");
  private static final List<String> HOSTILE_TEXT = List.of("", " ", "\u0000", "a\u0000b", "x".repeat(10_000), "-1", "0",
      "99999999999999999999999", "1e400", "abc", "2026-02-30", "<script>alert(1)</script>", "\r\nX: y", "true", "NaN",
      "é".repeat(300));
  private static final List<String> HOSTILE_IDS = List.of("0", "-1", "99999999999999999999999", "abc", "1e5", "1.5",
      "9".repeat(300), "987654321");

  @LocalServerPort int port;
  @Autowired ApplicationContext context;
  @Autowired JdbcTemplate jdbc;
  @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

  private Random random;
  private CustomerView customer;
  private InvoiceView invoice;
  private OrderView order;
  private LocalDate today;

  @Test
  void noHostileRequestGetsA5xxAndNoRefusedOneWritesAnything() {
    Journeys journeys = new Journeys(context);
    customer = journeys.customer(aCustomer());
    invoice = journeys.invoiced(anOrderFor(customer.id()).worth("900.00"));
    order = journeys.order(anOrderFor(customer.id()).worth("50.00"));
    today = journeys.today();
    random = new Random(SEED);
    PageSession pages = PageSession.signIn(port, "demo", "demo");
    session = pages;

    List<String> failures = new ArrayList<>();
    int sent = 0;
    for (Map.Entry<String, HandlerMethod> route : routes().entrySet()) {
      String method = route.getKey().split(" ")[0];
      String pattern = route.getKey().split(" ")[1];
      for (int i = 0; i < PER_ROUTE; i++) {
        Generated request = generate(method, pattern, route.getValue());
        sent++;
        check(request, pattern.startsWith("/api/") ? api(request) : page(pages, request), failures);
      }
    }
    for (int i = 0; i < 20; i++) {
      Map<String, String> signIn = Map.of("username", pick(HOSTILE_TEXT), "password", pick(HOSTILE_TEXT));
      Generated request = new Generated("POST", "/login", "application/x-www-form-urlencoded", form(signIn), signIn.toString());
      sent++;
      check(request, pages.post("/login", new String(form(signIn), StandardCharsets.UTF_8)).status(), failures);
    }
    for (String body : List.of("{\"days\": -1}", "{\"days\": 1e400}", "{\"days\": \"\\u0000\"}", "{\"hours\": 99999999999}",
        "{\"days\": 0, \"hours\": 0}", "[]", "\"x\"", "{\"days\": 3651}", "{\"weeks\": 1}")) {
      Generated request = new Generated("POST", "/api/clock/advance", "application/json", body.getBytes(StandardCharsets.UTF_8), body);
      sent++;
      int status = api(request);
      check(request, status, failures);
      if (status < 400) {
        failures.add("the clock accepted " + body);
      }
    }
    for (String days : List.of("abc", "", "99999999999", "\u0000", "1e400")) {
      Generated request = new Generated("POST", "/demo-clock", "application/x-www-form-urlencoded",
          form(Map.of("days", days)), "days=" + days);
      sent++;
      int status = pages.post("/demo-clock", new String(form(Map.of("days", days)), StandardCharsets.UTF_8)).status();
      check(request, status, failures);
      if (status < 400) {
        failures.add("the demo clock accepted days=" + days);
      }
    }
    assertThat(sent).isGreaterThan(300);
    assertThat(failures).as("hostile requests answered with a 5xx, a bare error or a partial write (seed " + SEED + ")").isEmpty();
  }

  record Generated(String method, String path, String contentType, byte[] body, String shown) {}

  private record Answer(int status, String contentType) {}

  private Answer lastAnswer;

  private void check(Generated request, int status, List<String> failures) {
    String after = jdbc.queryForObject(COUNTS, String.class);
    if (status >= 500) {
      failures.add(abbreviated(status + " for " + request.method() + " " + request.path() + " " + request.shown()));
    } else if (status >= 400 && !after.equals(before)) {
      failures.add(abbreviated("refused (" + status + ") but wrote rows " + before + " -> " + after + ": " + request.method() + " "
          + request.path() + " " + request.shown()));
    } else if (status >= 400 && request.path().startsWith("/api/") && lastAnswer != null
        && !lastAnswer.contentType().startsWith("application/problem+json")) {
      failures.add(abbreviated(status + " without problem+json (" + lastAnswer.contentType() + ") for " + request.method() + " "
          + request.path() + " " + request.shown()));
    }
    lastAnswer = null;
    if (status < 400) {
      // what an accepted request starts (a statement's matching, a process) ends before the next request's counts are read
      new Journeys(context).quiesce();
    }
  }

  private String before;
  private PageSession session;

  private int api(Generated request) {
    before = jdbc.queryForObject(COUNTS, String.class);
    PageSession.Response response = session.send(request.method(), request.path(), request.contentType(), request.body());
    lastAnswer = new Answer(response.status(), response.contentType());
    return response.status();
  }

  private int page(PageSession pages, Generated request) {
    before = jdbc.queryForObject(COUNTS, String.class);
    if (request.contentType().startsWith("application/x-www-form-urlencoded")) {
      return pages.post(request.path(), new String(request.body(), StandardCharsets.UTF_8)).status();
    }
    return pages.send(request.method(), request.path(), request.contentType(), request.body()).status();
  }

  /** Every state-changing route and its handler, in a stable order so a seed replays the same run. */
  private Map<String, HandlerMethod> routes() {
    Map<String, HandlerMethod> routes = new TreeMap<>();
    for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
      for (RequestMethod method : e.getKey().getMethodsCondition().getMethods()) {
        if (method == RequestMethod.GET) {
          continue;
        }
        for (String pattern : e.getKey().getPatternValues()) {
          if (!FIXED_CASES_ONLY.contains(pattern)) {
            String consumes = e.getKey().getConsumesCondition().getConsumableMediaTypes().stream().findFirst()
                .map(Object::toString).orElse("");
            routes.put(method + " " + pattern + (consumes.isEmpty() ? "" : " " + consumes), e.getValue());
          }
        }
      }
    }
    return routes;
  }

  private Generated generate(String method, String pattern, HandlerMethod handler) {
    Map<String, String> query = new LinkedHashMap<>();
    Map<String, String> formFields = new LinkedHashMap<>();
    Map<String, byte[]> parts = new LinkedHashMap<>();
    Map<String, String> partNames = new LinkedHashMap<>();
    String json = null;
    String path = pattern;
    for (MethodParameter parameter : handler.getMethodParameters()) {
      parameter.initParameterNameDiscovery(new org.springframework.core.DefaultParameterNameDiscoverer());
      Class<?> type = parameter.getParameterType();
      if (parameter.hasParameterAnnotation(PathVariable.class)) {
        String name = name(parameter.getParameterAnnotation(PathVariable.class).value(), parameter);
        path = path.replaceFirst("\\{" + name + "(:[^}]*)?}", random.nextInt(10) < 7 ? realId(name, pattern) : pick(HOSTILE_IDS));
      } else if (parameter.hasParameterAnnotation(RequestBody.class)) {
        json = random.nextInt(8) == 0 ? pick(HOSTILE_BODIES) : value(parameter.getGenericParameterType(), "", 0);
      } else if (parameter.hasParameterAnnotation(RequestPart.class) || MultipartFile.class.isAssignableFrom(type)
          || parameter.getGenericParameterType().getTypeName().contains("MultipartFile")) {
        String name = parameter.hasParameterAnnotation(RequestPart.class)
            ? name(parameter.getParameterAnnotation(RequestPart.class).name(), parameter)
            : name(parameter.getParameterAnnotation(RequestParam.class).name(), parameter);
        if (type == String.class) {
          parts.put(name, ("dispute".equals(name) ? value(RaiseDispute.class, "", 0) : pick(HOSTILE_TEXT)).getBytes(StandardCharsets.UTF_8));
        } else {
          for (int f = random.nextInt(3); f >= 0; f--) {
            parts.put(name + "#" + f, fileContent());
            partNames.put(name + "#" + f, pick(List.of("evidence.pdf", "../../evil.pdf", "a\u0000.txt", "x".repeat(300) + ".txt",
                "", "page.html", "statement.csv", "scan.png")));
          }
        }
      } else if (parameter.hasParameterAnnotation(RequestParam.class)) {
        if (MultiValueMap.class.isAssignableFrom(type) || Map.class.isAssignableFrom(type)) {
          for (String field : List.of("approved", "reason", "outcome", "promiseDate", "promiseAmount", "notes")) {
            if (random.nextBoolean()) {
              formFields.put(field, pick(HOSTILE_TEXT));
            }
          }
        } else {
          String name = name(parameter.getParameterAnnotation(RequestParam.class).name(), parameter);
          String value = random.nextInt(10) < 6 ? plainValue(type, name) : pick(HOSTILE_TEXT);
          if (random.nextInt(10) > 0) {
            (json == null && parts.isEmpty() && !handlerTakesBody(handler) ? formFields : query).put(name, value);
          }
        }
      }
    }
    if (!parts.isEmpty()) {
      // plain fields of a multipart request travel as parts too (a query would hit the URL length limit)
      query.forEach((name, value) -> parts.put(name, value.getBytes(StandardCharsets.UTF_8)));
      formFields.forEach((name, value) -> parts.put(name, value.getBytes(StandardCharsets.UTF_8)));
      query.clear();
      String boundary = "hostile-" + UUID.randomUUID();
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      parts.forEach((name, content) -> {
        String field = name.contains("#") ? name.substring(0, name.indexOf('#')) : name;
        String filename = partNames.get(name);
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\""
            + (filename == null ? "" : "; filename=\"" + filename.replace("\"", "") + "\"")
            + "\r\nContent-Type: " + (filename != null ? "application/octet-stream" : "dispute".equals(field) ? "application/json"
                : "text/plain; charset=UTF-8") + "\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
      });
      body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
      return new Generated(method, path + query(query), "multipart/form-data; boundary=" + boundary, body.toByteArray(),
          parts.keySet() + " " + query);
    }
    if (json != null) {
      return new Generated(method, path + query(query), "application/json", json.getBytes(StandardCharsets.UTF_8), json);
    }
    byte[] encoded = form(formFields);
    return new Generated(method, path + query(query), "application/x-www-form-urlencoded", encoded, formFields.toString());
  }

  private static boolean handlerTakesBody(HandlerMethod handler) {
    return java.util.Arrays.stream(handler.getMethodParameters()).anyMatch(p -> p.hasParameterAnnotation(RequestBody.class)
        || p.hasParameterAnnotation(RequestPart.class));
  }

  private String realId(String name, String pattern) {
    return switch (name) {
      case "invoiceId" -> String.valueOf(invoice.id());
      case "customerId" -> String.valueOf(customer.id());
      case "id" -> pattern.startsWith("/api/orders") ? String.valueOf(order.id())
          : pattern.startsWith("/customers") ? String.valueOf(customer.id())
          : "987654321"; // never another test's task or dispute
      default -> pick(HOSTILE_IDS);
    };
  }

  /** A JSON value for the type: mostly plausible (so the other fields get checked too), sometimes hostile. */
  private String value(Type type, String name, int depth) {
    if (random.nextInt(4) == 0 && depth > 0) {
      return pick(HOSTILE_JSON);
    }
    Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : type instanceof Class<?> c ? c : Object.class;
    if (raw.isRecord() && depth < 4) {
      StringBuilder object = new StringBuilder("{");
      for (RecordComponent component : raw.getRecordComponents()) {
        if (random.nextInt(10) == 0) {
          continue; // a missing field
        }
        if (object.length() > 1) {
          object.append(',');
        }
        object.append('"').append(component.getName()).append("\":").append(value(component.getGenericType(), component.getName(), depth + 1));
      }
      if (random.nextInt(12) == 0) {
        object.append(object.length() > 1 ? "," : "").append("\"unexpected\":1");
      }
      return object.append('}').toString();
    }
    if (Collection.class.isAssignableFrom(raw)) {
      Type element = type instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : Object.class;
      List<String> items = new ArrayList<>();
      for (int i = random.nextInt(3) + (random.nextInt(20) == 0 ? 600 : 1); i > 0; i--) {
        items.add(value(element, name, depth + 1));
      }
      return "[" + String.join(",", items) + "]";
    }
    if (Map.class.isAssignableFrom(raw)) {
      return random.nextBoolean() ? "{}" : "{\"approved\": " + pick(HOSTILE_JSON) + ", \"reason\": " + pick(HOSTILE_JSON) + "}";
    }
    if (raw.isEnum()) {
      Object[] constants = raw.getEnumConstants();
      return "\"" + constants[random.nextInt(constants.length)] + "\"";
    }
    String plain = plainValue(raw, name);
    return raw == String.class || raw == LocalDate.class ? "\"" + plain + "\"" : plain;
  }

  /** A plausible value of a simple type, chosen by the field's name where that matters. */
  private String plainValue(Class<?> type, String name) {
    String lower = name.toLowerCase(java.util.Locale.ROOT);
    if (type == LocalDate.class || lower.contains("date")) {
      return today.plusDays(random.nextInt(40)).toString();
    }
    if (type == BigDecimal.class || lower.contains("amount")) {
      return pick(List.of("10.00", "100", "450.50", "900.00"));
    }
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
      return switch (name) {
        case "invoiceId" -> String.valueOf(invoice.id());
        case "customerId" -> String.valueOf(customer.id());
        case "days" -> pick(List.of("2", "7", "14", "30"));
        default -> String.valueOf(random.nextInt(20));
      };
    }
    if (type == Boolean.class || type == boolean.class) {
      return String.valueOf(random.nextBoolean());
    }
    if (lower.contains("email")) {
      return "someone" + random.nextInt(1000) + "@hostile.example";
    }
    return switch (name) {
      case "currency" -> "EUR";
      case "paymentTerms" -> pick(List.of("NET30", "2/10 NET30"));
      case "invoiceNumber" -> invoice.number();
      case "channel" -> "PHONE";
      case "username" -> "hostile" + random.nextInt(1_000_000);
      case "password" -> "a-long-enough-password";
      case "riskRating" -> "LOW";
      case "reason" -> pick(List.of("Payment arranged", "Customer contacted me", "why not"));
      default -> "text " + random.nextInt(1000);
    };
  }

  private byte[] fileContent() {
    return switch (random.nextInt(4)) {
      case 0 -> "%PDF-1.4\n%hostile\n".getBytes(StandardCharsets.UTF_8);
      case 1 -> "date,amount,reference\n2026-01-01,1e400,\u0000\n".getBytes(StandardCharsets.UTF_8);
      case 2 -> "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"b\">]><Document>&a;</Document>".getBytes(StandardCharsets.UTF_8);
      default -> {
        byte[] bytes = new byte[random.nextInt(2000)];
        random.nextBytes(bytes);
        yield bytes;
      }
    };
  }

  private static String name(String declared, MethodParameter parameter) {
    return declared == null || declared.isEmpty() ? parameter.getParameterName() : declared;
  }

  private <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  private static byte[] form(Map<String, String> fields) {
    StringBuilder form = new StringBuilder();
    fields.forEach((k, v) -> form.append(form.isEmpty() ? "" : "&").append(encode(k)).append('=').append(encode(v)));
    return form.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String query(Map<String, String> fields) {
    return fields.isEmpty() ? "" : "?" + new String(form(fields), StandardCharsets.UTF_8);
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static String abbreviated(String text) {
    String shown = text.replace("\u0000", "\\u0000").replaceAll("(.)\\1{40,}", "$1$1$1…");
    return shown.length() > 400 ? shown.substring(0, 400) + "…" : shown;
  }
}
