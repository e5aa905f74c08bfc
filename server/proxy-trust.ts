/**
 * Which X-Forwarded-For hops to believe (TRUST_PROXY). Every hop a client can write itself: only
 * the entries appended by our own proxies are facts. A count trusts that many proxies in front of
 * the server (App Platform: its load balancer, 1); a list trusts those addresses or subnets
 * (proxy-addr names such as `loopback`, `uniquelocal` too). Never "all hops".
 */
export type TrustProxy = false | number | string[];

/** `false`/`0` → none; `true` → 1 hop; `n` → n hops; anything else: a comma list of addresses/CIDRs. */
export function parseTrustProxy(raw: string | undefined): TrustProxy {
  const v = raw?.trim().toLowerCase() ?? '';
  if (v === '' || v === 'false' || v === '0' || v === 'no' || v === 'off') return false;
  if (v === 'true' || v === 'yes' || v === 'on') return 1;
  if (/^\d+$/.test(v)) return Number(v);
  return v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * Fastify's `trustProxy` option. A plain number would trust nothing at all in this fastify (it
 * fails closed on hop counts), so hops are given as proxy-addr's trust function: the socket's
 * peer is hop 0, the rightmost X-Forwarded-For entry hop 1, and so on.
 */
export function fastifyTrustProxy(trust: TrustProxy): false | string[] | ((address: string, hop: number) => boolean) {
  if (trust === false) return false;
  if (typeof trust === 'number') return trust === 0 ? false : (_address, hop) => hop < trust;
  return trust;
}
