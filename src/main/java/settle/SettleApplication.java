package settle;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling
public class SettleApplication {

  public static void main(String[] args) {
    // offline tools in the same jar, run without starting Settle or touching a database
    if (args.length > 0 && args[0].equals("verify-audit-pack")) {
      System.exit(settle.audit.AuditPackVerifier.run(args));
    }
    if (args.length > 0 && args[0].equals("backtest-risk")) {
      System.exit(settle.risk.backtest.RiskBacktest.run(args));
    }
    // a policy back-test: starts Settles of its own (scratch database, private engine, captured mail) and stops them
    if (args.length > 0 && args[0].equals("simulate")) {
      System.exit(settle.simulation.Simulator.main(args, SettleApplication.class));
    }
    SpringApplication.run(SettleApplication.class, args);
  }
}
