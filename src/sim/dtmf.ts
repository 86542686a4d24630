import type { DtmfBurst } from '../../machines/types.js';

export type { DtmfBurst } from '../../machines/types.js';

/**
 * Splits a `dtmf_string` into bursts (R15, D6): each `.` waits one second; digits between dots go out
 * at the same instant, in order.
 * @example dtmfSchedule('.12.1..4') // [{offset_ms:1000,digits:'12'},{offset_ms:2000,digits:'1'},{offset_ms:4000,digits:'4'}]
 */
export function dtmfSchedule(dtmf: string | null): DtmfBurst[] {
  const bursts: DtmfBurst[] = [];
  let offset = 0;
  for (const char of dtmf ?? '') {
    if (char === '.') {
      offset += 1000;
      continue;
    }
    const last = bursts.at(-1);
    if (last && last.offset_ms === offset) last.digits += char;
    else bursts.push({ offset_ms: offset, digits: char });
  }
  return bursts;
}
