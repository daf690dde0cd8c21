package settle.testdata;

import java.util.HashMap;
import java.util.Map;
import org.springframework.core.env.AbstractEnvironment;
import org.springframework.core.env.MapPropertySource;

/** An environment holding only the settings a test gives it, as application.yaml or the process environment would. */
public final class Settings extends AbstractEnvironment {

  private final Map<String, Object> values = new HashMap<>();

  public Settings() {
    getPropertySources().addFirst(new MapPropertySource("the test's settings", values));
  }

  public Settings with(String key, String value) {
    values.put(key, value);
    return this;
  }
}
