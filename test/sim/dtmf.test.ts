import { describe, expect, it } from 'vitest';
import { dtmfSchedule } from '../../src/sim/dtmf.js';

describe('dtmfSchedule (R15, D6)', () => {
  it.each([
    ['.1.2.3', [{ offset_ms: 1000, digits: '1' }, { offset_ms: 2000, digits: '2' }, { offset_ms: 3000, digits: '3' }]],
    ['.12.1..4', [{ offset_ms: 1000, digits: '12' }, { offset_ms: 2000, digits: '1' }, { offset_ms: 4000, digits: '4' }]],
    ['12#', [{ offset_ms: 0, digits: '12#' }]],
    ['*..', [{ offset_ms: 0, digits: '*' }]],
    ['', []],
    [null, []],
  ])('%j → %j', (dtmf, bursts) => {
    expect(dtmfSchedule(dtmf)).toEqual(bursts);
  });
});
