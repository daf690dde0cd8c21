package settle.models.internal;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import settle.common.InvalidRequestException;

@RestController
@RequestMapping("/api/models")
class ModelsApi {

  private final ImpactPreview preview;

  ModelsApi(ImpactPreview preview) {
    this.preview = preview;
  }

  /**
   * What an edited decision table would change over today's live inputs; deploys nothing. {@code cases}, optional:
   * the table's edited CSV of cases, when they changed with it (else the ones in dmn/tests/ are run).
   */
  @PostMapping(path = "/preview", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ImpactPreview.Preview preview(@RequestPart(name = "file", required = false) MultipartFile file,
                                @RequestPart(name = "cases", required = false) MultipartFile cases) throws java.io.IOException {
    if (file == null) {
      throw new InvalidRequestException("file", "file is missing: send the edited .dmn file as the multipart part 'file'");
    }
    return preview.preview(file.getBytes(), cases == null ? null : cases.getBytes());
  }
}
