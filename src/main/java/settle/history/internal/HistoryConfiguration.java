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
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.web.client.RestClient;
import settle.history.ProcessHistory;

/** Embedded mode reads the in-memory engine's record stream; on a cluster the history comes from its REST API. */
@Configuration(proxyBeanMethods = false)
class HistoryConfiguration {

  @Bean
  ProcessHistory processHistory(ObjectProvider<ZeebeTestEngine> embeddedEngine, JdbcTemplate jdbc, DataSourceProperties database,
                                ObjectMapper json, CamundaClient client) {
    ZeebeTestEngine engine = embeddedEngine.getIfAvailable();
    if (engine != null) {
      // the copy commits on its own (a caller's rollback must not lose part of the log) and on its own two connections
      HikariDataSource copyPool = database.initializeDataSourceBuilder().type(HikariDataSource.class).build();
      copyPool.setPoolName("process-history");
      copyPool.setMaximumPoolSize(2);
      return new RecordStreamHistory(engine, jdbc, copyPool, json);
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
