import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { expect, it } from 'vitest';
import { Notifier } from '../../src/server/notifications/notifier.js';

/** The JavaScript engine's collector, callable without starting node with --expose-gc (the flag set at run time, `gc` read from a fresh context). */
function garbageCollector(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

// On Node 20, a timeout built from AbortSignal.any([AbortSignal.timeout(…), …]) could be collected
// before it fired: the attempt then stayed pending for ever. A plain timer cannot be collected.
it('an attempt against a receiver that never answers times out even after a garbage collection', { timeout: 20_000 }, async () => {
  let arrived!: () => void;
  const requestArrived = new Promise<void>((resolve) => (arrived = resolve));
  const hanging = createServer((req, res) => (req.url === '/warm-up' ? res.end() : arrived()));
  await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(hanging.address() as AddressInfo).port}`;
  await (await fetch(`${base}/warm-up`)).arrayBuffer(); // fetch is loaded lazily: not inside the attempt's time
  const log: string[] = [];
  const notifier = new Notifier({ timeoutMs: 1000, attempts: 1, log: (line) => log.push(line) });
  const id = notifier.send(`${base}/hook`, { notification_name: 'call_finished' }, 'call-1');
  await requestArrived;
  garbageCollector()();
  await notifier.idle();
  expect(notifier.stats).toMatchObject({ attempts: 1, failed: 1, dropped: 0 });
  expect(log[0]).toBe(`notification ${id} (call-1) to ${base}/hook: attempt 1 failed (timeout)`);
  hanging.closeAllConnections();
  await new Promise((resolve) => hanging.close(resolve));
});
