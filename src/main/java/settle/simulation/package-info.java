/**
 * Simulation: a customer population run through the real BPMN and DMN in accelerated time, on a private engine, a
 * scratch database and a captured mailbox, so a process owner sees what a policy change would do before it goes live.
 * The customers' behaviour (when they pay, how they answer a reminder, a call or a final notice, disputes, promises,
 * plans, partial payments) is {@link settle.simulation.BehaviourModel}, calibrated from the invoice history CSV.
 */
package settle.simulation;
