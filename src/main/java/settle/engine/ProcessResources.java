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

  private ProcessResources() {}

  public static List<Resource> all() {
    var resolver = new PathMatchingResourcePatternResolver();
    try {
      List<Resource> resources = new ArrayList<>();
      resources.addAll(List.of(resolver.getResources("classpath*:dmn/*.dmn")));
      resources.addAll(List.of(resolver.getResources("classpath*:bpmn/*.bpmn")));
      resources.sort(Comparator.comparing(Resource::getFilename));
      return resources;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
