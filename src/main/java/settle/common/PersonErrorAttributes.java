package settle.common;

import java.util.Map;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.web.servlet.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;

/**
 * What the error page may tell a person: the sentence a handler wrote for people ({@link ProblemHandler#PERSON_DETAIL}),
 * never an exception's message, which may name internals.
 */
@Component
class PersonErrorAttributes extends DefaultErrorAttributes {

  @Override
  public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
    Map<String, Object> attributes = super.getErrorAttributes(request, options);
    Object detail = request.getAttribute(ProblemHandler.PERSON_DETAIL, RequestAttributes.SCOPE_REQUEST);
    if (detail != null) {
      attributes.put("detail", detail);
    }
    return attributes;
  }
}
