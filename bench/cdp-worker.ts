/**
 * CPU profiles of a page's dedicated worker through the DevTools Protocol. Playwright gives
 * CDP sessions for pages only, so this attaches from the browser-level session to the worker's
 * target and speaks to it through Target.sendMessageToTarget (the non-flattened mode).
 */
import type { Browser, CDPSession } from '@playwright/test';
import type { CpuProfile } from './cpu-profile.ts';

interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}

export class WorkerProfiler {
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();

  private constructor(
    private readonly cdp: CDPSession,
    private readonly sessionId: string,
  ) {
    cdp.on('Target.receivedMessageFromTarget', (event: { sessionId: string; message: string }) => {
      if (event.sessionId !== this.sessionId) return;
      const message = JSON.parse(event.message) as { id?: number; result?: unknown; error?: { message: string } };
      const waiter = message.id === undefined ? undefined : this.waiting.get(message.id);
      if (!waiter) return;
      this.waiting.delete(message.id!);
      if (message.error) waiter.reject(new Error(message.error.message));
      else waiter.resolve(message.result);
    });
  }

  /** Attaches to the first worker whose script URL contains `urlPart` (waits up to 30 s for it). */
  static async attach(browser: Browser, urlPart: string): Promise<WorkerProfiler> {
    const cdp = await browser.newBrowserCDPSession();
    const deadline = Date.now() + 30_000;
    for (;;) {
      const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: TargetInfo[] };
      const worker = targetInfos.find((t) => t.type === 'worker' && t.url.includes(urlPart));
      if (worker) {
        const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId: worker.targetId, flatten: false })) as { sessionId: string };
        return new WorkerProfiler(cdp, sessionId);
      }
      if (Date.now() > deadline) throw new Error(`no worker matching ${urlPart}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  send<T>(method: string, params: Record<string, unknown> = {}): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      void this.cdp.send('Target.sendMessageToTarget', { sessionId: this.sessionId, message: JSON.stringify({ id, method, params }) });
    });
  }

  async start(samplingIntervalUs: number): Promise<void> {
    await this.send('Profiler.enable');
    await this.send('Profiler.setSamplingInterval', { interval: samplingIntervalUs });
    await this.send('Profiler.start');
  }

  async stop(): Promise<CpuProfile> {
    const { profile } = await this.send<{ profile: CpuProfile }>('Profiler.stop');
    return profile;
  }

  async detach(): Promise<void> {
    await this.cdp.detach();
  }
}
