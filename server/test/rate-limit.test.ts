/**
 * The rate limit against the ways around it (issue 12, item 4), on real sockets: one credential
 * spelt many ways (`bearer`, extra white space, a fresh JWT for the same user) is one bucket;
 * failed authentications are limited per address; behind a proxy only the configured number of
 * X-Forwarded-For hops is trusted, so a client cannot invent addresses for fresh buckets.
 */
import { request } from 'node:http';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthFailureLimiter } from '../auth-failures.ts';
import { loadConfig } from '../config.ts';
import { parseTrustProxy } from '../proxy-trust.ts';
import { bundleServer, startServer, testConfig, type RunningServer } from './helpers.ts';

const SECRET = 'rate-limit-test-secret-rate-limit-test';
const KEY = 'rate-limit-key';
const NOWHERE = '/analyses/00000000-0000-4000-8000-000000000000';

let bundle: ReturnType<typeof bundleServer>;
beforeAll(() => {
  bundle = bundleServer();
});
afterAll(() => bundle?.cleanup());

/** GET with headers exactly as given (fetch would normalise white space in them). */
function rawGet(url: string, headers: Record<string, string>): Promise<{ status: number; headers: Record<string, string | string[] | undefined> }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'GET', headers }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

const userToken = (sub: string, jti: string) =>
  new SignJWT({ role: 'authenticated', aud: 'authenticated', jti })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(sub)
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(new TextEncoder().encode(SECRET));

describe('rate limit keyed on the authenticated principal', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer(bundle.worker, testConfig({ apiKeys: [KEY], supabaseJwtSecret: SECRET, rateLimitMax: 4, authFailureMax: 3 }));
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
  });

  it('one API key in five spellings is one bucket', async () => {
    const spellings = [`Bearer ${KEY}`, `bearer ${KEY}`, `BEARER   ${KEY}`, `Bearer\t${KEY} `, `bEaReR ${KEY}`, `Bearer  ${KEY}`];
    const statuses: number[] = [];
    for (const authorization of spellings) statuses.push((await rawGet(`${server.url}${NOWHERE}`, { authorization })).status);
    expect(statuses.slice(0, 4).every((s) => s !== 429 && s !== 401)).toBe(true);
    expect(statuses.slice(4)).toEqual([429, 429]);
  });

  it('fresh tokens for the same user are one bucket; another user has its own', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push((await rawGet(`${server.url}${NOWHERE}`, { authorization: `Bearer ${await userToken('user-r', `t${i}`)}` })).status);
    expect(statuses.slice(4)).toEqual([429, 429]);
    expect((await rawGet(`${server.url}${NOWHERE}`, { authorization: `Bearer ${await userToken('user-s', 'x')}` })).status).not.toBe(429);
  });

  it('failed authentications are limited per address: past the limit even a good credential waits', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await rawGet(`${server.url}${NOWHERE}`, { authorization: `Bearer guess-${i}` })).status);
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    const blocked = await rawGet(`${server.url}${NOWHERE}`, { authorization: `Bearer ${await userToken('user-t', 'y')}` });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect((await rawGet(`${server.url}/health`, {})).status).toBe(200);
  });
});

describe('METRICS_TOKEN guesses', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer(bundle.worker, testConfig({ apiKeys: [KEY], metricsToken: 'metrics-token', authFailureMax: 2 }), { waitReady: false });
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
  });

  it('count as failed authentications: past the limit even the right token waits', async () => {
    const statuses: number[] = [];
    for (const guess of ['a', 'b', 'c']) statuses.push((await rawGet(`${server.url}/metrics`, { authorization: `Bearer ${guess}` })).status);
    expect(statuses).toEqual([401, 401, 429]);
    expect((await rawGet(`${server.url}/metrics`, { authorization: 'Bearer metrics-token' })).status).toBe(429);
  });
});

describe('TRUST_PROXY trusts only the configured hops', () => {
  let server: RunningServer;
  beforeAll(async () => {
    // TRUST_PROXY=true as .do/app.yaml sets it, on an open server (no auth): the rate limit keys on the client address.
    server = await startServer(bundle.worker, testConfig({ trustProxy: loadConfig({ TRUST_PROXY: 'true' }).trustProxy, rateLimitMax: 3 }));
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
  });

  it("invented leftmost X-Forwarded-For entries do not make fresh buckets; the proxy's own entry does", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      statuses.push((await rawGet(`${server.url}${NOWHERE}`, { 'x-forwarded-for': `10.9.${i}.1, 198.51.100.${i}, 203.0.113.7` })).status);
    }
    expect(statuses.slice(3)).toEqual([429, 429]);
    // A different client as the (one trusted) proxy reports it: its own bucket.
    expect((await rawGet(`${server.url}${NOWHERE}`, { 'x-forwarded-for': '203.0.113.8' })).status).not.toBe(429);
  });
});

describe('the failure window and TRUST_PROXY settings', () => {
  it('an address blocked for failures may try again once its window has passed', () => {
    let now = 1_000;
    const limiter = new AuthFailureLimiter(2, 60_000, () => now);
    limiter.recordFailure('a');
    expect(limiter.blockedForMs('a')).toBe(0);
    limiter.recordFailure('a');
    expect(limiter.blockedForMs('a')).toBe(60_000);
    expect(limiter.blockedForMs('b')).toBe(0);
    now += 60_000;
    expect(limiter.blockedForMs('a')).toBe(0);
  });

  it('parses hop counts and proxy addresses; "true" is one hop, never all', () => {
    expect(parseTrustProxy(undefined)).toBe(false);
    expect(parseTrustProxy('false')).toBe(false);
    expect(parseTrustProxy('true')).toBe(1);
    expect(parseTrustProxy('2')).toBe(2);
    expect(parseTrustProxy('10.0.0.0/8, loopback')).toEqual(['10.0.0.0/8', 'loopback']);
  });
});
