package settle.workspace.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.RequestContextUtils;
import settle.common.ConflictException;
import settle.common.ForbiddenException;
import settle.common.InvalidRequestException;

/**
 * A refused action on a page goes back to the page it came from with the reason, and the values the
 * person typed, instead of the API's problem+json.
 */
@ControllerAdvice(assignableTypes = {WorklistPage.class, CustomerPages.class, ChasingPage.class, OrderPages.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {

  @ExceptionHandler({InvalidRequestException.class, ConflictException.class, ForbiddenException.class})
  String backWithTheReason(RuntimeException e, HttpServletRequest request) {
    FlashMap flash = RequestContextUtils.getOutputFlashMap(request);
    flash.put("error", e.getMessage());
    if (e instanceof InvalidRequestException invalid && invalid.field() != null) {
      flash.put("errorField", invalid.field());
    }
    Map<String, String> values = new LinkedHashMap<>();
    request.getParameterMap().forEach((name, given) -> {
      if (!name.equals("_csrf") && given.length > 0) {
        values.put(name, given[0]);
      }
    });
    flash.put("values", values);
    return "redirect:" + cameFrom(request);
  }

  /** The page on this site the request came from; the worklist when that is unknown or is the refused page itself. */
  private static String cameFrom(HttpServletRequest request) {
    String referer = request.getHeader("Referer");
    if (referer != null) {
      URI uri = URI.create(referer);
      String path = uri.getRawPath();
      if (path != null && path.startsWith("/") && !path.startsWith("//")
          && !("GET".equals(request.getMethod()) && path.equals(request.getRequestURI()))) {
        return path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
      }
    }
    return "/work";
  }
}
