package settle.engine;

import java.time.Instant;
import java.util.Locale;

/**
 * One model file as Settle deployed it: the engine's version and key for it, when and by whom. The file's
 * content is kept too ({@link ModelDeployments#content}).
 */
public record DeployedModel(long id, String resourceName, Kind kind, String definitionId, String name, String checksum,
                            int version, long engineKey, Instant deployedAt, String deployedBy) {

  /** Who deploys the jar's copy at start-up. */
  public static final String STARTUP = "system:startup";

  public enum Kind {
    BPMN, DMN;

    public static Kind of(String resourceName) {
      return resourceName.toLowerCase(Locale.ROOT).endsWith(".dmn") ? DMN : BPMN;
    }
  }

  public boolean byStartup() {
    return STARTUP.equals(deployedBy);
  }
}
