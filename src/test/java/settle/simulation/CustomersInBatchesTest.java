package settle.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import settle.simulation.internal.SimulationDriver;

/** How a run's customers are cut into batches, each of which goes through on a fresh engine. */
class CustomersInBatchesTest {

  @Test
  void everyCustomerOfEveryRunIsInExactlyOneBatchInOrderUnderTheRunsName() {
    BehaviourModel model = BehaviourModel.priors();
    SimulationDriver.Run first = new SimulationDriver.Run("Current policy, run 1", 1, Population.generate(model, 5, 30, 1));
    SimulationDriver.Run second = new SimulationDriver.Run("Current policy, run 2", 2, Population.generate(model, 4, 30, 2));

    List<List<SimulationDriver.Run>> batches = Simulator.batches(List.of(first, second), 3);

    // 9 customers in batches of 3: run 1's first three; its last two with run 2's first; run 2's last three
    assertThat(batches).hasSize(3);
    assertThat(batches.get(0)).extracting(SimulationDriver.Run::label).containsExactly("Current policy, run 1");
    assertThat(batches.get(1)).extracting(SimulationDriver.Run::label).containsExactly("Current policy, run 1", "Current policy, run 2");
    assertThat(batches.get(2)).extracting(SimulationDriver.Run::label).containsExactly("Current policy, run 2");
    assertThat(batches.get(1).get(0).population().customers()).extracting(Population.Customer::key).containsExactly("C00004", "C00005");
    assertThat(batches.get(1).get(1).seed()).isEqualTo(2);
    assertThat(batches.stream().flatMap(List::stream).filter(r -> r.label().endsWith("run 1"))
        .flatMap(r -> r.population().customers().stream())).as("run 1's customers, each once and in order")
        .containsExactlyElementsOf(first.population().customers());
    assertThat(batches.stream().flatMap(List::stream).filter(r -> r.label().endsWith("run 2"))
        .flatMap(r -> r.population().customers().stream())).containsExactlyElementsOf(second.population().customers());
    assertThat(batches.stream().flatMap(List::stream)).allSatisfy(r -> assertThat(r.population().days()).isEqualTo(30));

    List<List<SimulationDriver.Run>> one = Simulator.batches(List.of(first, second), 250);
    assertThat(one).as("all of them in one").hasSize(1);
    assertThat(one.getFirst()).extracting(r -> r.population().customers().size()).containsExactly(5, 4);
  }
}
