/**
 * The part of newman's Node API (`newman.run`) the conformance test uses: newman ships no types of
 * its own. A collection and an environment are Postman's JSON documents, given as objects.
 */
declare module 'newman' {
  type NewmanRunOptions = {
    collection: object;
    environment?: object;
    reporters?: string | string[];
    reporter?: { json?: { export: string } };
    /** Milliseconds a request may take before it fails. */
    timeoutRequest?: number;
  };

  type Newman = {
    run(options: NewmanRunOptions, callback: (error: Error | null, summary: unknown) => void): unknown;
  };

  const newman: Newman;
  export = newman;
}
