/**
 * HTTP/1.1 by hand on a real socket, for the requests fetch() will not send: chunked bodies,
 * bodies trickled a byte at a time, hand-made multipart, connections dropped mid-request.
 */
import { connect, type Socket } from 'node:net';

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface RawRequestOptions {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  /** Sent as they are, one write each, with `gapMs` between them. */
  chunks?: (string | Uint8Array)[];
  gapMs?: number;
  /** Chunked transfer encoding: each chunk gets its size line; the last chunk ends the body. */
  chunked?: boolean;
  /** Give up (and resolve with status 0) after this long. */
  timeoutMs?: number;
}

/** Sends one request and resolves with the answer, or status 0 when the server closed without one. */
export function rawRequest(url: string, options: RawRequestOptions): Promise<RawResponse> {
  const { hostname, port } = new URL(url);
  const socket = connect(Number(port), hostname);
  return new Promise((resolve) => {
    let data = Buffer.alloc(0);
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(parseResponse(data));
    };
    const timer = setTimeout(finish, options.timeoutMs ?? 30_000);
    socket.on('data', (d: Buffer) => {
      data = Buffer.concat([data, d]);
      if (isComplete(data)) finish();
    });
    socket.on('error', finish);
    socket.on('close', finish);
    socket.on('connect', () => void send(socket, options).catch(() => undefined));
  });
}

async function send(socket: Socket, options: RawRequestOptions): Promise<void> {
  const headers: Record<string, string> = { host: 'localhost', ...options.headers };
  if (options.chunked) headers['transfer-encoding'] = 'chunked';
  else if (!Object.keys(headers).some((k) => k.toLowerCase() === 'content-length')) {
    headers['content-length'] = String(
      (options.chunks ?? []).reduce((n, c) => n + (typeof c === 'string' ? Buffer.byteLength(c, 'latin1') : c.length), 0),
    );
  }
  const head = `${options.method ?? 'POST'} ${options.path} HTTP/1.1\r\n${Object.entries(headers)
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('')}\r\n`;
  socket.write(head);
  for (const chunk of options.chunks ?? []) {
    if (socket.destroyed) return;
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'latin1') : Buffer.from(chunk);
    if (options.chunked) socket.write(`${bytes.length.toString(16)}\r\n`);
    socket.write(bytes);
    if (options.chunked) socket.write('\r\n');
    if (options.gapMs) await new Promise((r) => setTimeout(r, options.gapMs));
  }
  if (options.chunked && !socket.destroyed) socket.write('0\r\n\r\n');
}

function isComplete(data: Buffer): boolean {
  const end = data.indexOf('\r\n\r\n');
  if (end < 0) return false;
  const head = data.subarray(0, end).toString('latin1');
  const length = /\r\ncontent-length:\s*(\d+)/i.exec(head);
  if (length) return data.length - end - 4 >= Number(length[1]);
  if (/\r\ntransfer-encoding:\s*chunked/i.test(head)) return data.subarray(end).includes('\r\n0\r\n\r\n');
  return false;
}

function parseResponse(data: Buffer): RawResponse {
  const end = data.indexOf('\r\n\r\n');
  if (end < 0) return { status: 0, headers: {}, body: '' };
  const [statusLine, ...lines] = data.subarray(0, end).toString('latin1').split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const at = line.indexOf(':');
    if (at > 0) headers[line.slice(0, at).trim().toLowerCase()] = line.slice(at + 1).trim();
  }
  let body = data.subarray(end + 4);
  if (headers['transfer-encoding'] === 'chunked') body = dechunk(body);
  return { status: Number(statusLine!.split(' ')[1]), headers, body: body.toString('utf8') };
}

function dechunk(body: Buffer): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const line = body.indexOf('\r\n', at);
    if (line < 0) break;
    const size = parseInt(body.subarray(at, line).toString('latin1'), 16);
    if (!(size > 0)) break;
    parts.push(body.subarray(line + 2, line + 2 + size));
    at = line + 2 + size + 2;
  }
  return Buffer.concat(parts);
}

/** The error code of a JSON error answer, or '' when the body is not one. */
export function errorCode(res: RawResponse): string {
  try {
    return (JSON.parse(res.body) as { error?: { code?: string } }).error?.code ?? '';
  } catch {
    return '';
  }
}

/** A multipart body by hand: each part's raw header lines and content. */
export function multipartBody(boundary: string, parts: { headers: string[]; content: string | Uint8Array }[]): Buffer {
  const out: Buffer[] = [];
  for (const part of parts) {
    out.push(Buffer.from(`--${boundary}\r\n${part.headers.map((h) => `${h}\r\n`).join('')}\r\n`, 'latin1'));
    out.push(typeof part.content === 'string' ? Buffer.from(part.content, 'latin1') : Buffer.from(part.content));
    out.push(Buffer.from('\r\n', 'latin1'));
  }
  out.push(Buffer.from(`--${boundary}--\r\n`, 'latin1'));
  return Buffer.concat(out);
}

/** Times one GET /health: the milliseconds it took and its status (0: no answer). */
/**
 * How long a /health probe may take while an attack is in flight. This detects a blocked event
 * loop, it does not measure speed: the attacks it guards against froze the server for 11 s and
 * more, while a loaded 2-core CI machine running other test files beside this one can delay a
 * healthy answer by a second or so (GC, scheduling). The issue's target of "within a second" is
 * what the server gives on a quiet machine; the bound here is wide enough not to flake.
 */
export const HEALTH_DEADLINE_MS = 5_000;

export async function timeHealth(url: string): Promise<{ ms: number; status: number }> {
  const began = performance.now();
  const res = await rawRequest(url, { method: 'GET', path: '/health', timeoutMs: 10_000 });
  return { ms: performance.now() - began, status: res.status };
}
