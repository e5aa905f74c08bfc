/**
 * Node's HTTP timeouts, so that no client can hold a socket forever: without them a body trickled
 * a byte at a time (or headers that never end) kept a connection and its request open for good.
 */
import type { ServerConfig } from './config.ts';

export function requestTimeouts(config: Pick<ServerConfig, 'requestTimeoutMs' | 'jobTimeoutMs'>) {
  const request = config.requestTimeoutMs;
  return {
    // The whole request (headers and body) must arrive within this; then Node answers 408 and closes.
    requestTimeout: request,
    // A socket with nothing sent either way for this long is closed: longer than a request may take
    // to arrive plus an analysis, so that only dead or stalled connections are cut.
    connectionTimeout: request > 0 ? request + config.jobTimeoutMs + 30_000 : 0,
    http: {
      headersTimeout: request > 0 ? Math.min(60_000, request) : 60_000,
      // Node checks the two limits above on this period (default 30 s): a quarter of the limit.
      connectionsCheckingInterval: request > 0 ? Math.min(30_000, Math.max(100, Math.floor(request / 4))) : 30_000,
    },
  };
}
