import { availableParallelism } from 'node:os';
import { AXES } from './axes.js';
import { emptyTally, exploreGroups, mergeTally, relationsNamed, type Tally } from './explore-groups.js';
import { runPool } from './pool.js';
import { groupsOfShard, spaceOf, type Shard, type Space } from './space.js';
import type { Axis } from './types.js';

export interface ExhaustiveOptions {
  /** The space's axes; default {@link AXES}. Plain data, so that worker threads get them as they are. */
  axes?: Axis[];
  /** `--shard i/n`; default the whole space. */
  shard?: Shard;
  /** Worker threads; default the machine's cores. 1 runs in this thread. */
  workers?: number;
  /** Only these relations (by name); default all. */
  relations?: string[];
  /** Called after each chunk with the combinations done so far (checked or not applicable). */
  onProgress?: (done: number, total: number, tally: Tally) => void;
  /** The compiled worker module; default `worker.js` beside this one. */
  workerScript?: URL;
  /** Groups per task handed to a worker. */
  chunkGroups?: number;
}

export interface ExhaustiveReport extends Tally {
  space: Space;
  shard: Shard;
  /** Combinations in the shard, applicable or not. */
  inShard: number;
}

/** @example defaultWorkers() // 2 on the development machine */
export const defaultWorkers = () => availableParallelism();

/** What each worker thread is started with. */
export interface WorkerData {
  axes: Axis[];
  relations?: string[];
}

/**
 * `explore --exhaustive`: every combination of the space (or of one shard of it) run and checked against
 * the invariants and the relations, on `workers` threads. The report is the same whatever the number of
 * workers: chunks are merged in index order.
 * @example (await exploreExhaustive({ shard: { index: 1, count: 2 } })).violations // 0
 */
export async function exploreExhaustive(options: ExhaustiveOptions = {}): Promise<ExhaustiveReport> {
  const space = spaceOf(options.axes ?? AXES);
  const shard = options.shard ?? { index: 1, count: 1 };
  const groups = groupsOfShard(space, shard);
  const size = options.chunkGroups ?? 10;
  const chunks = Array.from({ length: Math.ceil(groups.length / size) }, (_, i) => groups.slice(i * size, (i + 1) * size));
  const total = groups.length * space.groupSize;
  const progress = emptyTally();
  const report = (part: Tally) => {
    mergeTally(progress, part);
    options.onProgress?.(progress.checked + progress.notApplicable, total, progress);
  };
  const workers = options.workers ?? defaultWorkers();
  let parts: Tally[];
  if (workers <= 1) {
    const relations = relationsNamed(options.relations);
    parts = chunks.map((chunk) => {
      const part = exploreGroups(space, chunk, relations);
      report(part);
      return part;
    });
  } else {
    const workerData: WorkerData = { axes: space.axes, ...(options.relations ? { relations: options.relations } : {}) };
    parts = await runPool<number[], Tally>(workerScript(options), chunks, workers, workerData, report);
  }
  return { ...parts.reduce(mergeTally, emptyTally()), space, shard, inShard: total };
}

function workerScript(options: ExhaustiveOptions): URL {
  if (options.workerScript) return options.workerScript;
  const here = new URL('./worker.js', import.meta.url);
  if (import.meta.url.endsWith('.ts')) throw new Error('worker threads need the compiled module (npm run build; the CLI runs from dist/)');
  return here;
}
