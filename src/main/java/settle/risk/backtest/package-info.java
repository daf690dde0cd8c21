/**
 * The risk back-test: {@code java -jar settle.jar backtest-risk}, an offline command that fits the risk scorecard on
 * an invoice history's earlier part, measures it on the later part and writes it as a DMN table to review. Exposed so
 * the launcher ({@code SettleApplication.main}) can dispatch to it without starting Spring.
 */
@NamedInterface("backtest")
package settle.risk.backtest;

import org.springframework.modulith.NamedInterface;
