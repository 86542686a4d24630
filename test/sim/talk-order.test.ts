import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/sim/simulate.js';
import { seedScenario } from '../helpers/seed.js';

/** docs/simulation.md, "Ties": the talk starts in one order whatever triggered it. */
const TALK_START = ['talk.started', 'audio.started:employee', 'audio.started:contact'];

describe('the order of events when the talk starts', () => {
  it.each([
    ['the contact answers (switch in force, R4)', { contact_message: { type: 'media', value: '2562' } }],
    ["the contact's message ends (R4, seed example)", {}],
    ["the employee's message ends last (R7)", { first_call: 'contact', contact_message: { type: 'tts', value: 'Да' } }],
    ["the contact's message ends last (R7)", { first_call: 'contact', switch_at_once: false, contact_message: { type: 'media', value: '2701' } }],
    ['the employee answers (switch in force, R7)', { first_call: 'contact', contact_message: { type: 'media', value: '2562' } }],
  ])('%s', (_, params) => {
    const { events } = simulate(seedScenario(params));
    const t = events.find((e) => e.type === 'talk.started')!.t;
    const atTalk = events
      .filter((e) => e.t === t && ['audio.stopped', 'audio.started', 'talk.started'].includes(e.type))
      .filter((e) => e.type !== 'audio.started' || e.source.kind === 'talk')
      .map((e) => (e.type === 'audio.started' ? `${e.type}:${e.leg}` : e.type));
    const talk = atTalk.indexOf('talk.started');
    expect(atTalk.slice(talk)).toEqual(TALK_START);
    expect(atTalk.slice(0, talk).every((type) => type === 'audio.stopped')).toBe(true);
  });
});
