package settle.simulation.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import settle.engine.DeployedModel;
import settle.engine.ModelDeployments;
import settle.engine.ProcessResources;

/**
 * The policy a simulation from the page runs: the models in force in this Settle (the newest deployment of each file,
 * so a table the process owner deployed from the catalog counts), written as a folder of {@code bpmn/} and {@code dmn/}
 * for the {@code simulate} command; and the candidate, the same folder with one row of the cadence table edited.
 */
@Component
class PolicyFolders {

  static final String CADENCE_TABLE = "next-collection-action.dmn";
  /** The day (from due) of the STANDARD segment's first overdue reminder, and of the step after it. */
  private static final String FIRST_REMINDER = "standard-1-out-2";
  private static final String SECOND_REMINDER = "standard-2-out-2";

  private final ModelDeployments deployments;
  private final String location;

  PolicyFolders(ModelDeployments deployments, @Value("${settle.models.location:" + ProcessResources.IN_THE_JAR + "}") String location) {
    this.deployments = deployments;
    this.location = location;
  }

  /** Every model in force, by file name. */
  Map<String, byte[]> inForce() {
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (DeployedModel m : deployments.current()) {
      files.put(m.resourceName(), deployments.content(m.id()).getBytes(StandardCharsets.UTF_8));
    }
    if (files.isEmpty()) {
      // nothing recorded yet (the deployment at start-up has not run): the models Settle deploys
      for (Resource r : ProcessResources.all(location)) {
        try (var in = r.getInputStream()) {
          files.put(r.getFilename(), in.readAllBytes());
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return files;
  }

  /** The STANDARD customers' first overdue reminder day in the table in force; empty when the table has no such row. */
  OptionalInt firstStandardReminderDay() {
    return day(inForce(), FIRST_REMINDER);
  }

  /** The day of the STANDARD step after the first overdue reminder, which a candidate's first reminder must come before. */
  OptionalInt secondStandardReminderDay() {
    return day(inForce(), SECOND_REMINDER);
  }

  /** The models in force with the STANDARD customers' first overdue reminder moved to {@code day} after the due date. */
  Map<String, byte[]> withFirstStandardReminderOn(int day) {
    Map<String, byte[]> files = inForce();
    byte[] table = files.get(CADENCE_TABLE);
    if (table == null) {
      throw new IllegalStateException("No cadence table is in force");
    }
    Matcher m = entry(FIRST_REMINDER).matcher(new String(table, StandardCharsets.UTF_8));
    if (!m.find()) {
      throw new IllegalStateException("The cadence table has no first overdue reminder for standard customers");
    }
    String edited = m.replaceFirst("$1" + day + "$3");
    files.put(CADENCE_TABLE, edited.getBytes(StandardCharsets.UTF_8));
    return files;
  }

  /** Writes the files as the simulate command reads a policy: a folder holding bpmn/ and dmn/. */
  static Path write(Path folder, Map<String, byte[]> files) throws IOException {
    Files.createDirectories(folder.resolve("bpmn"));
    Files.createDirectories(folder.resolve("dmn"));
    for (var f : files.entrySet()) {
      String sub = DeployedModel.Kind.of(f.getKey()) == DeployedModel.Kind.DMN ? "dmn" : "bpmn";
      // a file name from the registry, never a path
      Files.write(folder.resolve(sub).resolve(Path.of(f.getKey()).getFileName().toString()), f.getValue());
    }
    return folder;
  }

  private static OptionalInt day(Map<String, byte[]> files, String outputEntry) {
    byte[] table = files.get(CADENCE_TABLE);
    if (table == null) {
      return OptionalInt.empty();
    }
    Matcher m = entry(outputEntry).matcher(new String(table, StandardCharsets.UTF_8));
    if (!m.find()) {
      return OptionalInt.empty();
    }
    try {
      return OptionalInt.of(Integer.parseInt(m.group(2).trim()));
    } catch (NumberFormatException e) {
      return OptionalInt.empty();
    }
  }

  private static Pattern entry(String id) {
    return Pattern.compile("(<outputEntry id=\"" + Pattern.quote(id) + "\"[^>]*>\\s*<text>)([^<]*)(</text>)");
  }
}
