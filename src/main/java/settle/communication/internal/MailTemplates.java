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
    return engine.process(name, new Context(java.util.Locale.ENGLISH, model));
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
