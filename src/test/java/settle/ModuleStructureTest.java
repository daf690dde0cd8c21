package settle;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Modules reach each other only through their top-level (API) packages, and form no cycle. */
class ModuleStructureTest {

  @Test
  void modulesUseOnlyEachOthersApiAndFormNoCycles() {
    ApplicationModules.of(SettleApplication.class).verify();
  }
}
