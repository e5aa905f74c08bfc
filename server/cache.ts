/**
 * Result cache, keyed by the file's sha256 and the pipeline version (a changed pipeline never
 * serves an old answer). Three layers, fastest first: an in-process LRU of result JSON text, Redis
 * (when REDIS_URL is set; gzip'd JSON with a TTL; shared by every instance), and the database's
 * stored analyses. A failing layer is a miss, never an error: Redis down means slower, not down.
 */
import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import type { Redis } from 'ioredis';
import type { FastifyBaseLogger as Logger } from 'fastify';
import type { Metrics } from './metrics.ts';
import type { Store } from './store/store.ts';

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

export type CacheLayer = 'lru' | 'redis' | 'db';

export interface CacheHit {
  json: string;
  layer: CacheLayer;
}

/** A byte-bounded LRU of strings (a Map keeps insertion order: re-insert on use). */
export class LruCache {
  private readonly map = new Map<string, string>();
  private bytes = 0;
  constructor(private readonly maxBytes: number) {}

  get(key: string): string | undefined {
    const v = this.map.get(key);
    if (v === undefined) return undefined;
    this.map.delete(key);
    this.map.set(key, v);
    return v;
  }

  set(key: string, value: string): void {
    const size = value.length * 2;
    if (size > this.maxBytes) return;
    const old = this.map.get(key);
    if (old !== undefined) {
      this.map.delete(key);
      this.bytes -= old.length * 2;
    }
    this.map.set(key, value);
    this.bytes += size;
    for (const [k, v] of this.map) {
      if (this.bytes <= this.maxBytes) break;
      this.map.delete(k);
      this.bytes -= v.length * 2;
    }
  }

  get size(): number {
    return this.map.size;
  }
}

export interface ResultCacheOptions {
  pipelineVersion: string;
  lruBytes: number;
  redis?: Redis;
  ttlSeconds: number;
  store?: Store;
  metrics: Metrics;
  log: Logger;
}

export class ResultCache {
  private readonly lru: LruCache | undefined;
  constructor(private readonly o: ResultCacheOptions) {
    this.lru = o.lruBytes > 0 ? new LruCache(o.lruBytes) : undefined;
  }

  key(sha256: string): string {
    return `vectis:result:${this.o.pipelineVersion}:${sha256}`;
  }

  async get(sha256: string, log: Logger = this.o.log): Promise<CacheHit | undefined> {
    const key = this.key(sha256);
    const hit = this.lru?.get(key);
    if (hit !== undefined) return this.hit('lru', hit);
    if (this.o.redis) {
      try {
        const packed = await this.o.redis.getBuffer(key);
        if (packed) {
          const json = (await gunzipAsync(packed)).toString('utf8');
          this.lru?.set(key, json);
          return this.hit('redis', json);
        }
      } catch (e) {
        this.o.metrics.cacheErrors.inc({ layer: 'redis' });
        log.warn({ err: errText(e) }, 'redis read failed: treated as a cache miss');
      }
    }
    if (this.o.store?.available) {
      try {
        const json = await this.o.store.findResultJson(sha256, this.o.pipelineVersion);
        if (json) {
          this.lru?.set(key, json);
          void this.setRedis(key, json, log);
          return this.hit('db', json);
        }
      } catch (e) {
        this.o.metrics.cacheErrors.inc({ layer: 'db' });
        log.warn({ err: errText(e) }, 'database lookup failed: treated as a cache miss');
      }
    }
    this.o.metrics.cacheMisses.inc();
    return undefined;
  }

  /** Stores in the LRU at once and in Redis in the background (a failure is logged, not thrown). */
  set(sha256: string, json: string, log: Logger = this.o.log): void {
    const key = this.key(sha256);
    this.lru?.set(key, json);
    void this.setRedis(key, json, log);
  }

  private async setRedis(key: string, json: string, log: Logger): Promise<void> {
    if (!this.o.redis) return;
    try {
      const packed = await gzipAsync(json, { level: 1 });
      await this.o.redis.set(key, packed, 'EX', this.o.ttlSeconds);
    } catch (e) {
      this.o.metrics.cacheErrors.inc({ layer: 'redis' });
      log.warn({ err: errText(e) }, 'redis write failed: result not shared');
    }
  }

  private hit(layer: CacheLayer, json: string): CacheHit {
    this.o.metrics.cacheHits.inc({ layer });
    return { json, layer };
  }
}

function errText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
