/**
 * Watches a request's raw body while a handler reads it: counts the bytes as they come off the
 * socket, whatever the transfer encoding (a chunked body has no Content-Length to check up front),
 * and notices a body that stops moving. Either way the read is abandoned at once with a typed
 * error, instead of buffering without bound or waiting forever: a multipart part without
 * Content-Disposition (or with CR/LF in its name) over ~16 KB leaves busboy's parts() pending for
 * good, and a client can trickle a byte at a time.
 */
import type { IncomingMessage } from 'node:http';
import { AnalysisError } from '../src/analysis/index.ts';
import { formatBytes } from './body-stream.ts';
import { HttpError } from './errors.ts';

export class BodyGuard {
  private bytes = 0;
  private failure: Error | undefined;
  private timer: NodeJS.Timeout | undefined;
  private readonly rejecters = new Set<(e: Error) => void>();

  constructor(
    private readonly raw: IncomingMessage,
    private readonly maxBytes: number,
    private readonly idleTimeoutMs: number,
  ) {
    raw.on('data', this.onData);
    this.arm();
  }

  /** Set once a limit was broken; the body must then be drained or the connection closed. */
  get failed(): Error | undefined {
    return this.failure;
  }

  /** Settles as `work` does, or rejects as soon as the body breaks a limit. */
  race<T>(work: Promise<T>): Promise<T> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise<T>((resolve, reject) => {
      this.rejecters.add(reject);
      work.then(resolve, reject).finally(() => this.rejecters.delete(reject));
    });
  }

  stop(): void {
    clearTimeout(this.timer);
    this.raw.off('data', this.onData);
  }

  private readonly onData = (chunk: Buffer): void => {
    this.bytes += chunk.length;
    if (this.bytes > this.maxBytes) {
      this.fail(new AnalysisError('TOO_LARGE', `The request body is larger than the ${formatBytes(this.maxBytes)} limit.`));
    } else this.arm();
  };

  private arm(): void {
    clearTimeout(this.timer);
    if (this.idleTimeoutMs <= 0) return;
    this.timer = setTimeout(() => {
      const seconds = this.idleTimeoutMs / 1000;
      this.fail(
        new HttpError(408, 'REQUEST_TIMEOUT', `The upload made no progress for ${seconds} s (an unfinished or unnamed multipart part?).`, {
          connection: 'close',
        }),
      );
    }, this.idleTimeoutMs);
    this.timer.unref();
  }

  private fail(e: Error): void {
    if (this.failure) return;
    this.failure = e;
    this.stop();
    for (const reject of this.rejecters) reject(e);
    this.rejecters.clear();
  }
}
