import { parentPort, Worker } from 'node:worker_threads';

type Reply<R> = { id: number; result: R } | { id: number; error: string };

/**
 * Runs `tasks` on `workers` worker threads, each loading `script` (a compiled module that calls
 * {@link serveTasks}); a worker takes the next task as soon as it is done. `onResult` sees each result as
 * it comes; the promise gives them in task order, so the outcome does not depend on the number of workers.
 * @example await runPool(new URL('./worker.js', import.meta.url), [[0, 1], [2, 3]], 2, { space: 'all' })
 */
export function runPool<T, R>(script: URL, tasks: T[], workers: number, workerData: unknown, onResult?: (result: R, index: number) => void): Promise<R[]> {
  const results: R[] = new Array(tasks.length);
  let next = 0;
  let done = 0;
  return new Promise((resolve, reject) => {
    const threads = Array.from({ length: Math.max(1, Math.min(workers, tasks.length)) }, () => new Worker(script, { workerData }));
    const stop = () => threads.forEach((t) => void t.terminate());
    const feed = (thread: Worker) => {
      if (next < tasks.length) thread.postMessage({ id: next, task: tasks[next++] });
    };
    if (tasks.length === 0) return void (stop(), resolve(results));
    for (const thread of threads) {
      thread.on('message', (reply: Reply<R>) => {
        if ('error' in reply) return void (stop(), reject(new Error(reply.error)));
        results[reply.id] = reply.result;
        onResult?.(reply.result, reply.id);
        if (++done === tasks.length) return void (stop(), resolve(results));
        feed(thread);
      });
      thread.on('error', (error) => (stop(), reject(error)));
      feed(thread);
    }
  });
}

/**
 * The worker's side of {@link runPool}: answers each task with `handle(task)`, or with the error it threw.
 * @example serveTasks((groups: number[]) => exploreGroups(space, groups))
 */
export function serveTasks<T, R>(handle: (task: T) => R): void {
  parentPort?.on('message', ({ id, task }: { id: number; task: T }) => {
    try {
      parentPort!.postMessage({ id, result: handle(task) });
    } catch (error) {
      parentPort!.postMessage({ id, error: (error as Error).stack ?? String(error) });
    }
  });
}
