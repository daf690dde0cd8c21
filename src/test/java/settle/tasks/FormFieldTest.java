package settle.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class FormFieldTest {

  @Test
  void aFormIsDescribedInOneLineOfTheBpmnElement() {
    assertThat(FormField.parse("approved:boolean!, reason:text!, outcome:choice(REACHED|NO_ANSWER), note"))
        .containsExactly(new FormField("approved", "boolean", true, List.of()),
            new FormField("reason", "text", true, List.of()),
            new FormField("outcome", "choice", false, List.of("REACHED", "NO_ANSWER")),
            new FormField("note", "text", false, List.of()));
  }

  @Test
  void anUnknownFieldTypeIsAModellingError() {
    assertThatThrownBy(() -> FormField.parse("amount:money")).hasMessageContaining("money");
  }
}
