package settle.collaboration.internal;

import jakarta.validation.Valid;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import settle.collaboration.NewNote;
import settle.collaboration.NoteView;
import settle.collaboration.Notes;
import settle.collaboration.Timeline;
import settle.collaboration.TimelineEntry;
import settle.common.InvalidRequestException;
import settle.staff.StaffDirectory;

@RestController
@RequestMapping("/api/customers/{customerId}")
class NoteController {

  private final Notes notes;
  private final Timeline timeline;
  private final StaffDirectory staff;

  NoteController(Notes notes, Timeline timeline, StaffDirectory staff) {
    this.notes = notes;
    this.timeline = timeline;
    this.staff = staff;
  }

  @GetMapping("/notes")
  List<NoteView> notes(@PathVariable long customerId) {
    return notes.ofCustomer(customerId);
  }

  @PostMapping("/notes")
  @ResponseStatus(HttpStatus.CREATED)
  NoteView add(@PathVariable long customerId, @Valid @RequestBody NewNote note) {
    return notes.add(customerId, note, staff.signedIn());
  }

  /**
   * Newest first; {@code kind} narrows it, e.g. {@code MAIL,CALL}. The entries are audit records, so
   * their details go only to those who may read the audit trail; everyone else reads what happened.
   */
  @GetMapping("/timeline")
  List<TimelineEntry> timeline(@PathVariable long customerId, @RequestParam(required = false) String kind,
                               @RequestParam(defaultValue = "200") int limit) {
    List<TimelineEntry> entries = timeline.of(customerId, kinds(kind), Math.max(1, Math.min(limit, 1000)));
    return staff.signedIn().mayReadAudit() ? entries : entries.stream().map(TimelineEntry::summary).toList();
  }

  static Set<String> kinds(String kind) {
    if (kind == null || kind.isBlank()) {
      return Set.of();
    }
    Set<String> kinds = Arrays.stream(kind.split(",")).map(k -> k.strip().toUpperCase(Locale.ROOT)).collect(Collectors.toSet());
    for (String k : kinds) {
      if (!Timeline.KINDS.contains(k)) {
        throw new InvalidRequestException("kind", "kind must be among " + Timeline.KINDS + ", not '" + k + "'");
      }
    }
    return kinds;
  }
}
