import type { CarrierSim, TFaultsInput } from '@linedesk/carrier-sim/testing';

/** The faults the simulator has in force now (`GET /_sim/faults`): counters such as `timeouts` go down as requests take them. */
export async function simFaults(sim: CarrierSim): Promise<TFaultsInput> {
  const response = await fetch(`${sim.baseUrl.replace(/\/v1$/, '')}/_sim/faults`, { headers: { 'x-sim-control-token': sim.controlToken } });
  if (!response.ok) throw new Error(`GET /_sim/faults answered ${response.status}`);
  return (await response.json()) as TFaultsInput;
}
