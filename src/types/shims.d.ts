// seedrandom's individual generators have no bundled types; they share the PRNG signature.
declare module 'seedrandom/lib/alea' {
  const alea: (seed?: string) => (() => number) & { int32(): number; double(): number };
  export default alea;
}
declare module 'comlink/dist/esm/node-adapter.mjs' {
  import type { Endpoint } from 'comlink';
  const nodeEndpoint: (nep: unknown) => Endpoint;
  export default nodeEndpoint;
}
