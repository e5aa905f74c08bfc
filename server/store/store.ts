/**
 * Persistence of analyses, meshes, features and verifications. PGlite in DATA_DIR when
 * DATABASE_URL is unset (one process only: PGlite is an embedded database), Postgres / Supabase
 * when it is set. The schema is supabase/migrations, applied at start (DB_MIGRATE).
 *
 * A database that is down at start or goes down later makes the store `available = false` and
 * every call throw StoreUnavailableError (the routes answer 503); it reconnects by itself.
 */
import type { FastifyBaseLogger as Logger } from 'fastify';
import { decodeMesh, encodeMesh, MESH_ENCODING, type MeshLike } from './mesh-codec.ts';
import { migrate } from './migrate.ts';
import { isUnavailable, openPglite, openPostgres, StoreUnavailableError, type Sql } from './sql.ts';

export { StoreUnavailableError } from './sql.ts';

/** The parts of a parsed result (JSON) the store reads. */
export interface ResultJson {
  schemaVersion: string;
  file: { name: string; sha256: string; bytes: number };
  part: { solids: number; faces: number; edges: number; volume: number; area: number; bbox: unknown; stock: unknown };
  mesh: MeshLike;
  features: {
    id: number;
    type: string;
    faces: number[];
    params: Record<string, unknown>;
    axis?: number[];
    confidence: number;
    method: string;
    modelVersion?: string;
  }[];
  /** Semantic PMI (1.2.0); absent in results stored before it. */
  pmi?: { features: number[]; [key: string]: unknown }[];
  timings: Record<string, number>;
  [key: string]: unknown;
}

export interface AnalysisMeta {
  pipelineVersion: string;
  quotationId?: string;
  lineItemId?: string;
  correlationId?: string;
  createdBy?: string;
  source: 'analyze' | 'verify';
}

export interface StoredAnalysis {
  id: string;
  createdAt: string;
  quotationId: string | null;
  lineItemId: string | null;
  pipelineVersion: string;
  /** The principal that stored it (`user:<sub>`, `key:<hash>`, `role:<role>`), for access checks. */
  createdBy: string | null;
  /** The full AnalysisResult (mesh included) as JSON text. */
  json: string;
}

export interface VerificationRecord {
  analysisId?: string;
  fileHash: string;
  claimedHash?: string;
  pipelineVersion: string;
  quotationId?: string;
  lineItemId?: string;
  verified: boolean;
  differences: unknown[];
  differenceCount: number;
  clientResultSha256?: string;
  correlationId?: string;
  createdBy?: string;
}

export interface StoreOptions {
  databaseUrl?: string;
  dataDir: string;
  migrationsDir: string;
  migrate: boolean;
  log: Logger;
}

const RETRY_MS = 5_000;

export class Store {
  private sql: Sql | undefined;
  private initializing: Promise<void> | undefined;
  private lastFailure = 0;
  private retryTimer: NodeJS.Timeout | undefined;
  private closed = false;
  /** False until migrations ran, and again while the database is unreachable. */
  available = false;

  constructor(private readonly o: StoreOptions) {}

  get kind(): 'pglite' | 'postgres' {
    return this.o.databaseUrl ? 'postgres' : 'pglite';
  }

  /** Opens and migrates; on failure keeps retrying in the background, never throws. */
  start(): Promise<void> {
    return this.init().catch(() => undefined);
  }

  private init(): Promise<void> {
    this.initializing ??= (async () => {
      try {
        if (!this.sql) this.sql = this.o.databaseUrl ? openPostgres(this.o.databaseUrl) : await openPglite(this.o.dataDir);
        if (this.o.migrate) {
          const applied = await migrate(this.sql, this.o.migrationsDir);
          if (applied.length) this.o.log.info({ applied }, 'database migrations applied');
        } else {
          await this.sql.query('select 1');
        }
        this.available = true;
        this.o.log.info({ db: this.kind }, 'database ready');
      } catch (e) {
        this.lastFailure = Date.now();
        this.available = false;
        this.o.log.error({ err: (e as Error).message, db: this.kind }, 'database not available: persistence answers 503 until it is');
        this.scheduleRetry();
        throw isUnavailable(e) ? new StoreUnavailableError((e as Error).message) : e;
      } finally {
        this.initializing = undefined;
      }
    })();
    return this.initializing;
  }

  private scheduleRetry(): void {
    if (this.closed || this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      if (!this.available && !this.closed) void this.init().catch(() => undefined);
    }, RETRY_MS);
    this.retryTimer.unref();
  }

  /** Runs `fn` when the database is usable; StoreUnavailableError (503) when it is not. */
  private async use<T>(fn: (sql: Sql) => Promise<T>): Promise<T> {
    if (this.closed) throw new StoreUnavailableError('The store is closed.');
    if (!this.available) {
      // Try again at once only if the last failure is not fresh: a down database is not hammered.
      if (Date.now() - this.lastFailure < 1_000 && !this.initializing) throw new StoreUnavailableError('The database is unavailable.');
      await this.init();
    }
    try {
      return await fn(this.sql!);
    } catch (e) {
      if (isUnavailable(e)) {
        // postgres.js reconnects on its own; mark unavailable so health shows it, and probe.
        this.available = false;
        this.lastFailure = Date.now();
        this.scheduleRetry();
        throw e instanceof StoreUnavailableError ? e : new StoreUnavailableError((e as Error).message);
      }
      throw e;
    }
  }

  async saveAnalysis(result: ResultJson, meta: AnalysisMeta): Promise<{ id: string; createdAt: string }> {
    const hash = result.file.sha256;
    return this.use(async (sql) => {
      const existing = await sql.query<{ id: string; pipeline_version: string }>(
        'select id, pipeline_version from public.cad_meshes where file_hash = $1',
        [hash],
      );
      const packed = existing[0]?.pipeline_version === meta.pipelineVersion ? undefined : await encodeMesh(result.mesh);
      return sql.transaction(async (tx) => {
        let meshId = existing[0]?.id;
        if (packed) {
          const m = result.mesh;
          const rows = await tx.query<{ id: string }>(
            `insert into public.cad_meshes (file_hash, pipeline_version, encoding, mesh, vertex_count, triangle_count, edge_point_count, byte_size)
             values ($1, $2, $3, $4, $5, $6, $7, $8)
             on conflict (file_hash) do update set pipeline_version = excluded.pipeline_version, encoding = excluded.encoding,
               mesh = excluded.mesh, vertex_count = excluded.vertex_count, triangle_count = excluded.triangle_count,
               edge_point_count = excluded.edge_point_count, byte_size = excluded.byte_size, updated_at = now()
             returning id`,
            [
              hash,
              meta.pipelineVersion,
              MESH_ENCODING,
              packed,
              m.positions.length / 3,
              m.indices.length / 3,
              m.edgePositions.length / 3,
              packed.byteLength,
            ],
          );
          meshId = rows[0]!.id;
        }
        const { mesh: _mesh, ...withoutMesh } = result;
        const p = result.part;
        const rows = await tx.query<{ id: string; created_at: Date | string }>(
          `insert into public.analyses (file_hash, file_name, file_bytes, schema_version, pipeline_version, mesh_id, quotation_id, line_item_id,
             solids, faces, edges, volume, area, bbox, stock, feature_count, result, timings, source, correlation_id, created_by, pmi_count)
           values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14::text::jsonb, $15::text::jsonb, $16, $17::text::jsonb, $18::text::jsonb, $19, $20, $21, $22)
           returning id, created_at`,
          [
            hash,
            result.file.name,
            result.file.bytes,
            result.schemaVersion,
            meta.pipelineVersion,
            meshId ?? null,
            meta.quotationId ?? null,
            meta.lineItemId ?? null,
            p.solids,
            p.faces,
            p.edges,
            p.volume,
            p.area,
            JSON.stringify(p.bbox),
            JSON.stringify(p.stock),
            result.features.length,
            JSON.stringify(withoutMesh),
            JSON.stringify(result.timings ?? {}),
            meta.source,
            meta.correlationId ?? null,
            meta.createdBy ?? null,
            result.pmi?.length ?? 0,
          ],
        );
        const id = rows[0]!.id;
        if (result.features.length > 0) {
          const pmiOf = pmiByFeature(result.pmi ?? []);
          const features = result.features.map((f, i) => ({
            feature_index: i,
            feature_type: f.type,
            face_ids: f.faces,
            parameters: f.params,
            orientation: f.axis ? { axis: f.axis } : null,
            confidence_score: f.confidence,
            recognition_method: f.method,
            model_version: f.modelVersion ?? null,
            pmi: pmiOf.get(f.id) ?? [],
          }));
          await tx.query(
            `insert into public.part_features (analysis_id, feature_index, feature_type, face_ids, parameters, orientation, confidence_score, recognition_method, model_version, pmi)
             select $1::uuid, f.feature_index, f.feature_type,
               coalesce(array(select jsonb_array_elements_text(f.face_ids)::integer), '{}'), f.parameters, f.orientation,
               f.confidence_score, f.recognition_method, f.model_version, coalesce(f.pmi, '[]'::jsonb)
             from jsonb_to_recordset($2::text::jsonb) as f(feature_index integer, feature_type text, face_ids jsonb, parameters jsonb,
               orientation jsonb, confidence_score double precision, recognition_method text, model_version text, pmi jsonb)`,
            [id, JSON.stringify(features)],
          );
        }
        return { id, createdAt: iso(rows[0]!.created_at) };
      });
    });
  }

  async getAnalysis(id: string): Promise<StoredAnalysis | undefined> {
    return this.use(async (sql) => {
      const rows = await sql.query<{
        id: string;
        created_at: Date | string;
        quotation_id: string | null;
        line_item_id: string | null;
        pipeline_version: string;
        created_by: string | null;
        result: unknown;
        mesh: Uint8Array | null;
      }>(
        `select a.id, a.created_at, a.quotation_id, a.line_item_id, a.pipeline_version, a.created_by, a.result, m.mesh
         from public.analyses a left join public.cad_meshes m on m.id = a.mesh_id where a.id = $1`,
        [id],
      );
      const row = rows[0];
      if (!row) return undefined;
      return {
        id: row.id,
        createdAt: iso(row.created_at),
        quotationId: row.quotation_id,
        lineItemId: row.line_item_id,
        pipelineVersion: row.pipeline_version,
        createdBy: row.created_by,
        json: await joinResult(row.result, row.mesh),
      };
    });
  }

  /** Who stored an analysis (null: nobody known), or undefined when there is no such analysis. */
  async getAnalysisOwner(id: string): Promise<string | null | undefined> {
    return this.use(async (sql) => {
      const rows = await sql.query<{ created_by: string | null }>('select created_by from public.analyses where id = $1', [id]);
      return rows[0] ? rows[0].created_by : undefined;
    });
  }

  /** The latest stored result for this file computed by this pipeline version, as JSON text. */
  async findResultJson(sha256: string, pipelineVersion: string): Promise<string | undefined> {
    return this.use(async (sql) => {
      const rows = await sql.query<{ result: unknown; mesh: Uint8Array }>(
        `select a.result, m.mesh from public.analyses a join public.cad_meshes m on m.id = a.mesh_id
         where a.file_hash = $1 and a.pipeline_version = $2 and m.pipeline_version = $2
         order by a.created_at desc limit 1`,
        [sha256, pipelineVersion],
      );
      const row = rows[0];
      return row ? joinResult(row.result, row.mesh) : undefined;
    });
  }

  async saveVerification(v: VerificationRecord): Promise<{ id: string }> {
    return this.use(async (sql) => {
      const rows = await sql.query<{ id: string }>(
        `insert into public.verifications (analysis_id, file_hash, claimed_hash, pipeline_version, quotation_id, line_item_id, verified,
           difference_count, differences, client_result_sha256, correlation_id, created_by)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9::text::jsonb, $10, $11, $12) returning id`,
        [
          v.analysisId ?? null,
          v.fileHash,
          v.claimedHash ?? null,
          v.pipelineVersion,
          v.quotationId ?? null,
          v.lineItemId ?? null,
          v.verified,
          v.differenceCount,
          JSON.stringify(v.differences),
          v.clientResultSha256 ?? null,
          v.correlationId ?? null,
          v.createdBy ?? null,
        ],
      );
      return { id: rows[0]!.id };
    });
  }

  /** Several statements as one transaction (corrections.ts checks and inserts atomically). */
  async transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T> {
    return this.use((sql) => sql.transaction(fn));
  }

  /** Raw access for tests and maintenance. */
  async query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]> {
    return this.use((sql) => sql.query<T>(text, params));
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retryTimer);
    await this.initializing?.catch(() => undefined);
    await this.sql?.close();
    this.sql = undefined;
    this.available = false;
  }
}

async function joinResult(result: unknown, mesh: Uint8Array | null): Promise<string> {
  const r = (typeof result === 'string' ? JSON.parse(result) : result) as Record<string, unknown>;
  const decoded = mesh ? await decodeMesh(mesh) : undefined;
  const { schemaVersion, file, part, ...rest } = r;
  // A result stored before schema 1.2.0 has no PMI: it reads as none, as the schema defaults it.
  return JSON.stringify({ schemaVersion, file, part, mesh: decoded, ...rest, pmi: rest.pmi ?? [] });
}

/** Feature id → the PMI items that name any of its faces (what its part_features row carries). */
function pmiByFeature(pmi: NonNullable<ResultJson['pmi']>): Map<number, unknown[]> {
  const out = new Map<number, unknown[]>();
  for (const item of pmi) {
    for (const id of item.features) {
      let list = out.get(id);
      if (!list) out.set(id, (list = []));
      list.push(item);
    }
  }
  return out;
}

function iso(d: Date | string): string {
  return d instanceof Date ? d.toISOString() : new Date(d).toISOString();
}
