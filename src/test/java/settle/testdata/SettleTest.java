package settle.testdata;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.context.annotation.Import;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole application in embedded mode: the in-memory engine, PostgreSQL and the SMTP capture.
 * Every test class using it shares one context, so one engine and one clock; tests keep apart by
 * using their own customers and mail addresses, and a class's processes still running when it ends are cancelled
 * ({@link LeftoverInstances}). A class that moves the clock for months takes a context of its own
 * (a {@code settle.test.context} property), so it does not dun every other class's open invoices on the way. After every test the ledger must balance
 * ({@link LedgerBalance}).
 *
 * <p>The shared clock reaches whatever weekday and holiday the tests before happened to leave it on, so here every
 * day is a business day (no weekend, no public holidays): a step falls on the day its table says. The calendar itself
 * is proven with the shipped configuration by {@link CalendarTest} classes. The monthly credit review would review every
 * test's customers whenever the clock passes the first of a month, so only the tests that ask for a review get one.
 * Business time starts at 20:00 UTC whatever the hour the build runs at, so a day's steps and heads-ups fall the same
 * way in every run.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"settle.demo-data=false", "settle.calendar.weekend=", "settle.calendar.weekends.SA=", "settle.calendar.weekends.EG=",
        "settle.calendar.public-holidays=false", "settle.credit-review.monthly=false", "settle.demo-clock.start-hour=20",
        // tests rescore when they mean to; a daily run at a random moment would move ratings under them
        "settle.risk.daily-rescoring=false"})
@ExtendWith({LedgerBalance.class, LeftoverInstances.class})
// every engine call made inside a database transaction is recorded (EngineCallsOutsideTransactionsTest reads them)
@Import(EngineCallWatch.class)
// Spring Boot leaves metrics export (so /actuator/prometheus) out of tests unless asked; here it is part of the application
@AutoConfigureObservability(tracing = false)
public @interface SettleTest {}
