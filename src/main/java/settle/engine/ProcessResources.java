package settle.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** The models the jar carries, copied verbatim from {@code bpmn/} and {@code dmn/} at build time. */
public final class ProcessResources {

  /** Where the jar keeps them; {@code settle.models.location} may point elsewhere (a directory holding bpmn/ and dmn/). */
  public static final String IN_THE_JAR = "classpath*:";

  private ProcessResources() {}

  public static List<Resource> all() {
    return all(IN_THE_JAR);
  }

  public static List<Resource> all(String location) {
    var resolver = new PathMatchingResourcePatternResolver();
    String base = location.endsWith("/") || location.endsWith(":") ? location : location + "/";
    try {
      List<Resource> resources = new ArrayList<>();
      resources.addAll(List.of(resolver.getResources(base + "dmn/*.dmn")));
      resources.addAll(List.of(resolver.getResources(base + "bpmn/*.bpmn")));
      resources.sort(Comparator.comparing(Resource::getFilename));
      return resources;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
