/**
 * A STEP file's DATA section, scanned once (step-instances.ts), with each instance's parameters
 * parsed on first use and kept: PMI reading visits a few hundred instances of tens of thousands.
 */
import { StepInstances } from './step-instances.ts';
import { parseInstance, type StepRecord, type StepValue } from './step-values.ts';

export class StepFile {
  readonly instances: StepInstances;
  private readonly records = new Map<number, StepRecord>();

  constructor(text: string) {
    this.instances = new StepInstances(text);
  }

  record(id: number): StepRecord | undefined {
    let record = this.records.get(id);
    if (record) return record;
    const instance = this.instances.get(id);
    if (!instance) return undefined;
    record = parseInstance(this.instances.text, instance);
    this.records.set(id, record);
    return record;
  }

  /** Parameters of the `type` part of instance `id` (undefined when it has no such part). */
  params(id: number, type: string): StepValue[] | undefined {
    return this.record(id)?.get(type);
  }

  /** Parameters of the first part of `id` whose name is in `types`, with that name. */
  paramsOfAny(id: number, types: readonly string[]): { type: string; params: StepValue[] } | undefined {
    const record = this.record(id);
    if (!record) return undefined;
    for (const type of types) {
      const params = record.get(type);
      if (params) return { type, params };
    }
    return undefined;
  }

  is(id: number, type: string): boolean {
    return this.instances.is(id, type);
  }

  ofType(type: string): number[] {
    return this.instances.ofType(type).map((i) => i.id);
  }
}
