/** The ladder (sequence) view of a call, and its Mermaid text: pure, from the timeline's events. */
import { describe, expect, it } from 'vitest';
import { escapeMermaid, mermaidSequence } from '../../src/diagram/mermaid.js';
import { ladderRows } from '../../src/diagram/sequence.js';
import { loadScenario } from '../../src/scenario/load.js';
import { simulate } from '../../src/sim/simulate.js';

const seed = () => simulate(loadScenario('scenarios/seed-example.yaml'));

describe('the ladder of a call', () => {
  it('puts every exchange of the seed example between Employee, Platform and Contact, in time order', () => {
    const rows = ladderRows(seed().events).map((r) => [r.t, r.over ? `note ${r.over.join('+')}` : `${r.from}→${r.to}`, r.label]);
    expect(rows).toEqual([
      [0, 'note platform', 'call_session_id 1: first_call employee'],
      [0, 'platform→employee', 'dial 79260000001 (caller ID 79260000000)'],
      [0, 'employee→platform', 'ringing'],
      [3000, 'employee→platform', 'answers (79260000001)'],
      [3000, 'platform→employee', 'plays file 2561 (5 s)'],
      [8000, 'platform→contact', 'dial 79260000000 (caller ID 74993720692)'],
      [8000, 'contact→platform', 'ringing'],
      [8000, 'platform→employee', 'hold music 2701'],
      [11000, 'contact→platform', 'answers (79260000000)'],
      [11000, 'platform→contact', 'plays TTS «Привет» (0.45 s)'],
      [11450, 'note employee+contact', 'bridge: talk starts'],
      [12000, 'platform→contact', 'DTMF 1'],
      [13000, 'platform→contact', 'DTMF 2'],
      [14000, 'platform→contact', 'DTMF 3'],
      [71450, 'contact→platform', 'hangs up'],
      [71450, 'platform→employee', 'release'],
      [71450, 'note platform', 'ended: subscriber_disconnects'],
    ]);
  });

  it('shows what the contact’s line carries to the employee with early switching (R3)', () => {
    const rows = ladderRows(simulate(loadScenario('scenarios/r3-early-switching-voicemail-then-unavailable.yaml')).events);
    expect(rows.filter((r) => r.kind === 'early_media').map((r) => r.label)).toEqual(expect.arrayContaining(['early media: voicemail']));
    expect(rows.some((r) => r.to === 'employee' && r.label.startsWith("contact's line"))).toBe(true);
  });
});

describe('the ladder as Mermaid text', () => {
  it('declares the three lifelines and writes each row with its time', () => {
    const text = mermaidSequence(ladderRows(seed().events), 'seed example');
    const lines = text.split('\n');
    expect(lines.slice(0, 5)).toEqual(['sequenceDiagram', '  title seed example', '  participant E as Employee', '  participant P as Platform', '  participant C as Contact']);
    expect(lines).toContain('  P->>E: 0 s · dial 79260000001 (caller ID 79260000000)');
    expect(lines).toContain('  E-->>P: 0 s · ringing');
    expect(lines).toContain('  Note over E,C: 11.45 s · bridge: talk starts');
    expect(lines).toContain('  C->>P: 1 m 11.45 s · hangs up');
  });

  it('escapes what Mermaid’s grammar would read: ; # < > % braces and line breaks', () => {
    expect(escapeMermaid('a;b #1 <br> 50%% {x}\nnext')).toBe('a#59;b #35;1 #60;br#62; 50#37;#37; #123;x#125; next');
  });

  it('says there was no call for a rejected request', () => {
    expect(mermaidSequence([])).toContain('Note over P: no call');
  });
});
