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

  MailTemplates() {
    engine.addTemplateResolver(resolver(TemplateMode.HTML, "*.html", 1));
    engine.addTemplateResolver(resolver(TemplateMode.TEXT, "*.txt", 2));
  }

  public String render(String name, Map<String, Object> model) {
    Context context = new Context(java.util.Locale.ENGLISH, model);
    context.setVariable("fmt", FIGURES);
    return engine.process(name, context);
  }

  private static final Figures FIGURES = new Figures();

  /** How mails write figures, as the pages do: {@code ${fmt.money(invoice.total, invoice.currency)}} → "1,190.00 EUR". */
  public static final class Figures {

    public String money(Object amount, Object currency) {
      if (amount == null) {
        return "";
      }
      java.math.BigDecimal figure = amount instanceof java.math.BigDecimal d ? d : new java.math.BigDecimal(String.valueOf(amount));
      return currency == null ? settle.common.Money.number(figure) : settle.common.Money.format(figure, String.valueOf(currency));
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
