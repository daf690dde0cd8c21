package settle.models.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import settle.common.ConflictException;
import settle.common.InvalidRequestException;
import settle.engine.DeployedModel;
import settle.staff.StaffDirectory;

/** /processes: every model Settle deployed; one page per model with its drawing, versions and differences. */
@Controller
class CatalogPage {

  private final ModelCatalog catalog;
  private final ObjectMapper json;
  private final ImpactPreview preview;
  private final CatalogDeploy deploy;
  private final StaffDirectory staff;

  CatalogPage(ModelCatalog catalog, ObjectMapper json, ImpactPreview preview, CatalogDeploy deploy, StaffDirectory staff) {
    this.catalog = catalog;
    this.json = json;
    this.preview = preview;
    this.deploy = deploy;
    this.staff = staff;
  }

  @GetMapping("/processes")
  String list(Model model) {
    model.addAttribute("entries", catalog.entries());
    return "pages/processes";
  }

  @GetMapping("/processes/{slug}")
  String model(@PathVariable String slug, @RequestParam(required = false) Integer version,
               @RequestParam(required = false) Integer from, @RequestParam(required = false) Integer to, Model model)
      throws JsonProcessingException {
    ModelCatalog.Entry entry = catalog.bySlug(slug);
    ModelCatalog.Version shown = version == null ? entry.current() : entry.version(version);
    model.addAttribute("entry", entry);
    model.addAttribute("shown", shown);
    if (entry.kind() == DeployedModel.Kind.BPMN) {
      Map<String, Long> waiting = catalog.waitingAt(shown);
      model.addAttribute("waitingJson", json.writeValueAsString(waiting));
      model.addAttribute("waiting", catalog.waitingInWords(shown, waiting));
    }
    if (entry.versions().size() > 1) {
      ModelCatalog.Version before = entry.version(from != null ? from : entry.versions().get(1).version());
      ModelCatalog.Version after = entry.version(to != null ? to : entry.current().version());
      model.addAttribute("before", before);
      model.addAttribute("after", after);
      model.addAttribute("diff", entry.kind() == DeployedModel.Kind.DMN
          ? ModelDiff.ofTables(catalog.content(before), catalog.content(after))
          : ModelDiff.ofProcesses(catalog.content(before), catalog.content(after)));
    }
    return "pages/process";
  }

  /** The preview of an edited table, shown on the table's page with the Deploy button when it may go live. */
  @PostMapping(path = "/processes/{slug}/preview", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  String preview(@PathVariable String slug, @RequestPart(name = "file", required = false) MultipartFile file,
                 @RequestPart(name = "cases", required = false) MultipartFile cases, Model model) throws java.io.IOException {
    if (file == null || file.isEmpty()) {
      throw new InvalidRequestException("file", "Choose the edited .dmn file to preview.");
    }
    String editedCases = cases == null || cases.isEmpty() ? "" : new String(cases.getBytes(), java.nio.charset.StandardCharsets.UTF_8);
    ImpactPreview.Preview result = preview.preview(file.getBytes(), editedCases.isEmpty() ? null : CatalogDeploy.bytes(editedCases));
    if (!ModelCatalog.slug(result.resourceName()).equals(slug)) {
      throw new InvalidRequestException("file", "That file holds “" + result.decisionName() + "”, not this table: preview it on its own page.");
    }
    model.addAttribute("preview", result);
    model.addAttribute("editedXml", new String(file.getBytes(), java.nio.charset.StandardCharsets.UTF_8));
    model.addAttribute("editedCases", editedCases);
    return model(slug, null, null, null, model);
  }

  @PostMapping("/processes/{slug}/deploy")
  String deploy(@PathVariable String slug, @RequestParam String xml, @RequestParam(defaultValue = "") String cases,
                RedirectAttributes flash) {
    var deployed = deploy.deploy(slug, CatalogDeploy.bytes(xml), cases.isEmpty() ? null : CatalogDeploy.bytes(cases),
        staff.signedIn().username());
    flash.addFlashAttribute("notice", "Deployed: version " + deployed.version() + " is in force from now on. Commit the same file"
        + " (and its cases) to dmn/ in the repository, so the next release carries it.");
    return "redirect:/processes/" + slug;
  }

  /**
   * A refused preview or deploy comes back to the table's page with the reason. (An exception handler gets neither
   * path variables nor redirect attributes: the slug comes from the request, the reason through the flash map.)
   */
  @ExceptionHandler({InvalidRequestException.class, ConflictException.class})
  String refused(RuntimeException e, jakarta.servlet.http.HttpServletRequest request) {
    @SuppressWarnings("unchecked")
    java.util.Map<String, String> path = (java.util.Map<String, String>) request.getAttribute(
        org.springframework.web.servlet.HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
    String slug = path == null ? "" : path.getOrDefault("slug", "");
    org.springframework.web.servlet.support.RequestContextUtils.getOutputFlashMap(request).put("error", e.getMessage());
    return "redirect:/processes/" + org.springframework.web.util.UriUtils.encodePathSegment(slug, java.nio.charset.StandardCharsets.UTF_8)
        + "#preview";
  }

  /** The file of one version, for the viewers on the page. */
  @GetMapping("/processes/{slug}/versions/{version}/model.xml")
  ResponseEntity<String> xml(@PathVariable String slug, @PathVariable int version) {
    ModelCatalog.Entry entry = catalog.bySlug(slug);
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(catalog.content(entry.version(version)));
  }
}
