package settle.models.internal;

import java.util.List;
import org.springframework.stereotype.Component;

/** The table's policy cases (dmn/tests/&lt;table&gt;.csv) run against an edited table. */
@Component
class PolicyCases {

  ImpactPreview.Cases run(String resourceName, TableEngine.Parsed parsed, ModelXml.Table table) {
    return new ImpactPreview.Cases(0, List.of());
  }
}
