package settle.simulation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Not a test: {@code simulate --customers 2000 --days 180} (the target: under 5 minutes on a 2-core machine),
 * printing the total time, engine instances per second and the peak heap. Run with
 * {@code ./mvnw -B -Pbench verify -Dbench.cash.skip -Dbench.worklist.skip -Dbench.audit.skip -Dbench.metrics.skip
 * -Dbench.simulation.skip=false}; {@code -Dbench.simulation.customers=N} and {@code -Dbench.simulation.days=D} for
 * another size, {@code -Dbench.simulation.batch=B} for another number of customers per engine.
 */
public final class SimulationBenchmark {

  public static void main(String[] args) throws IOException {
    int customers = Integer.getInteger("bench.simulation.customers", 2000);
    int days = Integer.getInteger("bench.simulation.days", 180);
    String given = System.getProperty("bench.simulation.batch", "");
    int batch = given.isBlank() ? Simulator.Options.BATCH : Integer.parseInt(given);
    Simulator.Options options = Simulator.Options.parse(new String[] {"simulate", "--customers", String.valueOf(customers),
        "--days", String.valueOf(days), "--seed", "1", "--batch", String.valueOf(batch),
        "--out", Path.of("target", "simulation-benchmark").toString()});
    Simulator.Result result = Simulator.run(options, System.out, true, settle.SettleApplication.class);
    Report.write(result, options.out());
    RunFigures run = result.baseline().runs().getFirst();
    System.out.printf(Locale.ROOT, "Simulation benchmark: %d customers in batches of %d, %d days, %d invoices: %.1f s in total,"
            + " %d engine instances (%.1f instances/s), peak heap %d MB%n",
        customers, batch, days, run.invoices(), result.seconds(), result.instances(), result.instances() / result.seconds(),
        result.peakHeapBytes() / (1024 * 1024));
    System.out.println(Report.lastLine(result));
    System.exit(0);
  }
}
