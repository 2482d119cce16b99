/** What is active on one carrier's network: SIMs (ICCID/EID), devices (IMEI/MEID/ESN) and numbers. */
export class NetworkState {
  readonly sims = new Set<string>();
  readonly devices = new Set<string>();
  readonly mdns = new Set<string>();
}

export class Networks {
  private readonly byCarrier = new Map<string, NetworkState>();

  of(carrierCode: string): NetworkState {
    let network = this.byCarrier.get(carrierCode);
    if (!network) {
      network = new NetworkState();
      this.byCarrier.set(carrierCode, network);
    }
    return network;
  }

  clear(): void {
    this.byCarrier.clear();
  }
}
