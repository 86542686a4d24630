import { workerData } from 'node:worker_threads';
import type { WorkerData } from './exhaustive.js';
import { exploreGroups, relationsNamed } from './explore-groups.js';
import { serveTasks } from './pool.js';
import { spaceOf } from './space.js';

/** A worker thread of `explore --exhaustive --workers N`: explores the groups it is given. */
const { axes, relations } = workerData as WorkerData;
const space = spaceOf(axes);
const checked = relationsNamed(relations);
serveTasks((groups: number[]) => exploreGroups(space, groups, checked));
