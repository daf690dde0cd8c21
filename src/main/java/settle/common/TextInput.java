package settle.common;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Text that no column can hold: a NUL character is refused where it comes in (a JSON string or a
 * request parameter), naming the field, instead of failing in the database.
 */
@Configuration
public class TextInput {

  static final char NUL = '\u0000';

  @Bean
  Module textWithoutNul() {
    return new SimpleModule("text-without-nul").addDeserializer(String.class, new StringDeserializer() {
      @Override
      public String deserialize(JsonParser p, DeserializationContext context) throws IOException {
        String text = super.deserialize(p, context);
        if (text != null && text.indexOf(NUL) >= 0) {
          throw InvalidFormatException.from(p, "text must not contain a NUL character", text.replace(NUL, '?'), String.class);
        }
        return text;
      }
    });
  }

  @Bean
  OncePerRequestFilter parametersWithoutNul() {
    return new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        String type = request.getContentType();
        // a multipart body is read by the handler, where its limits are checked; here only the query and a plain form
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")) {
          for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            boolean nul = parameter.getKey().indexOf(NUL) >= 0;
            for (String value : parameter.getValue()) {
              nul |= value.indexOf(NUL) >= 0;
            }
            if (nul) {
              String field = parameter.getKey().replace(NUL, '?').replaceAll("[^A-Za-z0-9_.\\[\\]-]", "?");
              response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
              response.setContentType("application/problem+json");
              response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Invalid parameter\",\"status\":400,"
                  + "\"detail\":\"" + field + " must not contain a NUL character\",\"errors\":[{\"field\":\"" + field
                  + "\",\"message\":\"must not contain a NUL character\"}]}");
              return;
            }
          }
        }
        chain.doFilter(request, response);
      }
    };
  }
}
