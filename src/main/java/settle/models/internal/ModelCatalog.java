package settle.models.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import settle.common.NotFoundException;
import settle.engine.DeployedModel;
import settle.engine.EngineModels;
import settle.engine.ModelDeployments;
import settle.staff.StaffDirectory;
import settle.staff.StaffMember;

/** The catalog's entries in business words: names, versions, dates, people. */
@Component
class ModelCatalog {

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
      .withZone(ZoneOffset.UTC);

  record Version(int version, String deployedAt, String deployedBy, String checksum, DeployedModel model) {
    public String shortChecksum() {
      return checksum.substring(0, 12);
    }
  }

  /** One model: what it is, its versions newest first, and the version in force if someone outside Settle deployed it. */
  record Entry(String slug, String name, DeployedModel.Kind kind, List<Version> versions, Optional<Integer> newerOutside) {
    public Version current() {
      return versions.getFirst();
    }

    public String kindInWords() {
      return kind == DeployedModel.Kind.BPMN ? "Process" : "Decision table";
    }

    public Version version(int v) {
      return versions.stream().filter(x -> x.version() == v).findFirst()
          .orElseThrow(() -> new NotFoundException("Version", v));
    }
  }

  /** An element of a process with the instances waiting there. */
  record Waiting(String step, long count) {}

  private final ModelDeployments deployments;
  private final EngineModels engine;
  private final StaffDirectory staff;

  ModelCatalog(ModelDeployments deployments, EngineModels engine, StaffDirectory staff) {
    this.deployments = deployments;
    this.engine = engine;
    this.staff = staff;
  }

  List<Entry> entries() {
    List<Entry> entries = new ArrayList<>();
    for (DeployedModel m : deployments.current()) {
      entries.add(entry(m.resourceName()));
    }
    entries.sort(Comparator.comparing(Entry::kind).thenComparing(Entry::name));
    return entries;
  }

  Entry entry(String resourceName) {
    List<DeployedModel> history = deployments.history(resourceName);
    if (history.isEmpty()) {
      throw new NotFoundException("Model", resourceName);
    }
    // a version deployed twice (the same bytes again) is listed once, with its first deployment
    List<Version> versions = new ArrayList<>();
    for (DeployedModel m : history.reversed()) {
      if (versions.stream().noneMatch(v -> v.version() == m.version())) {
        versions.addFirst(new Version(m.version(), when(m.deployedAt()), who(m.deployedBy()), m.checksum(), m));
      }
    }
    DeployedModel last = history.getFirst();
    Optional<Integer> outside = engine.latest(last.kind(), last.definitionId()).map(EngineModels.InForce::version)
        .filter(v -> v > last.version());
    return new Entry(slug(resourceName), last.name(), last.kind(), versions, outside);
  }

  Entry bySlug(String slug) {
    return deployments.current().stream().filter(m -> slug(m.resourceName()).equals(slug)).findFirst()
        .map(m -> entry(m.resourceName()))
        .orElseThrow(() -> new NotFoundException("Model", slug));
  }

  String content(Version v) {
    return deployments.content(v.model().id());
  }

  /** Instances of this version waiting at each step, by the step's id (for the diagram) and in words (for the list). */
  Map<String, Long> waitingAt(Version v) {
    var elements = ModelXml.flowElements(content(v));
    Map<String, Long> waiting = new java.util.HashMap<>(engine.waitingAt(v.model().engineKey()));
    // an instance inside a sub-process waits at a step in it; the sub-process itself would count it twice
    waiting.keySet().removeIf(id -> elements.containsKey(id) && elements.get(id).isContainer());
    return waiting;
  }

  List<Waiting> waitingInWords(Version v, Map<String, Long> waiting) {
    var elements = ModelXml.flowElements(content(v));
    return waiting.entrySet().stream()
        .map(e -> new Waiting(Optional.ofNullable(elements.get(e.getKey())).map(el -> el.name().isBlank() ? el.type() : el.name())
            .orElse("a step no longer drawn"), e.getValue()))
        .sorted(Comparator.comparing(Waiting::count).reversed().thenComparing(Waiting::step)).toList();
  }

  static String slug(String resourceName) {
    int dot = resourceName.lastIndexOf('.');
    return dot < 0 ? resourceName : resourceName.substring(0, dot);
  }

  static String when(Instant at) {
    return WHEN.format(at);
  }

  String who(String username) {
    if (DeployedModel.STARTUP.equals(username)) {
      return "Settle at start-up";
    }
    return staff.find(username).map(StaffMember::displayName).orElse(username);
  }
}
