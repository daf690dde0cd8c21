package settle.communication.internal;

import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/** Renders templates/mail/NAME.html and NAME.txt; kept apart from the web pages' template engine. */
@Component
public class MailTemplates {

  private final SpringTemplateEngine engine = new SpringTemplateEngine();

  /** Mails may name things in words the portal's messages already hold: {@code #{reason.DAMAGED_GOODS}}. */
  MailTemplates(org.springframework.context.MessageSource messages) {
    engine.setTemplateEngineMessageSource(messages);
    engine.addTemplateResolver(resolver(TemplateMode.HTML, "*.html", 1));
    engine.addTemplateResolver(resolver(TemplateMode.TEXT, "*.txt", 2));
  }

  public String render(String name, Map<String, Object> model) {
    return render(name, model, "en");
  }

  /** In German, figures and dates are written as a German reader expects them: "1.190,00 EUR", "14.06.2027". */
  public String render(String name, Map<String, Object> model, String language) {
    boolean german = "de".equals(language);
    Context context = new Context(german ? java.util.Locale.GERMANY : java.util.Locale.ENGLISH, model);
    context.setVariable("fmt", german ? GERMAN : ENGLISH);
    return engine.process(name, context);
  }

  /** Whether templates/mail/NAME exists, e.g. a language's variant of a mail. */
  public boolean exists(String name) {
    // asked for every mail to a reader of another language: the class loader is asked once per name
    return known.computeIfAbsent(name, n -> getClass().getClassLoader().getResource("templates/mail/" + n) != null);
  }

  private final java.util.Map<String, Boolean> known = new java.util.concurrent.ConcurrentHashMap<>();

  private static final Figures ENGLISH = new Figures(java.util.Locale.UK, settle.common.Dates.DAY);
  private static final Figures GERMAN = new Figures(java.util.Locale.GERMANY, java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy"));

  /** How mails write figures, as the pages do: {@code ${fmt.money(invoice.total, invoice.currency)}} → "1,190.00 EUR". */
  public record Figures(java.util.Locale reader, java.time.format.DateTimeFormatter dates) {

    public String money(Object amount, Object currency) {
      if (amount == null) {
        return "";
      }
      java.math.BigDecimal figure = amount instanceof java.math.BigDecimal d ? d : new java.math.BigDecimal(String.valueOf(amount));
      String number = settle.common.Money.number(figure, reader);
      return currency == null ? number : number + " " + currency;
    }

    public String date(java.time.LocalDate date) {
      return date == null ? "" : date.format(dates);
    }
  }

  private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String pattern, int order) {
    var r = new ClassLoaderTemplateResolver();
    r.setPrefix("templates/mail/");
    r.setTemplateMode(mode);
    r.setResolvablePatterns(Set.of(pattern));
    r.setCharacterEncoding("UTF-8");
    r.setCheckExistence(true);
    r.setOrder(order);
    return r;
  }
}
