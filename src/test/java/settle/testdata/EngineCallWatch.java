package settle.testdata;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Puts {@link EngineCallsInTransactions} on the Camunda client of every {@link SettleTest} context. */
@TestConfiguration(proxyBeanMethods = false)
public class EngineCallWatch {

  @Bean
  EngineCallsInTransactions engineCallsInTransactions() {
    return new EngineCallsInTransactions();
  }
}
