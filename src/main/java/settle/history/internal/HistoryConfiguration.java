package settle.history.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.RestClient;
import settle.history.ProcessHistory;

/** Embedded mode reads the in-memory engine's record stream; on a cluster the history comes from its REST API. */
@Configuration(proxyBeanMethods = false)
class HistoryConfiguration {

  @Bean
  ProcessHistory processHistory(ObjectProvider<ZeebeTestEngine> embeddedEngine, JdbcTemplate jdbc, PlatformTransactionManager transactions,
                                ObjectMapper json, CamundaClient client) {
    ZeebeTestEngine engine = embeddedEngine.getIfAvailable();
    if (engine != null) {
      // its own transaction: a copy of the log must not vanish with a caller's rollback
      TransactionTemplate tx = new TransactionTemplate(transactions);
      tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
      return new RecordStreamHistory(engine, jdbc, tx, json);
    }
    var config = client.getConfiguration();
    RestClient rest = RestClient.builder().baseUrl(config.getRestAddress().toString().replaceAll("/$", "") + "/v2")
        .requestInterceptor((request, body, execution) -> {
          try {
            config.getCredentialsProvider().applyCredentials((name, value) -> request.getHeaders().set(name, value));
          } catch (IOException e) {
            throw new UncheckedIOException("No credentials for the cluster's REST API", e);
          }
          return execution.execute(request, body);
        }).build();
    return new ClusterHistory(rest, json);
  }
}
