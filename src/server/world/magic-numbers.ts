import { World, type WorldInput } from '../deps.js';

/** A contact number that picks how the call goes, without code (documented in docs/server.md). */
export interface MagicNumber {
  contact: string;
  title: string;
  /** The finish_reason a `first_call: employee` call ends with (the demo account, no messages). */
  finish_reason: string;
  /** Replaces the server's world for this call: `contact` always, `employee` when given. */
  world: WorldInput;
}

/**
 * The `7900000xxxx` family: numbers no real subscriber has (an unassigned Russian mobile range) and
 * far from the demo account's blacklist entry `79990000000` and its address book. Any other contact
 * gets the server's world (default: answers after 3 s, talk of 60 s, D14/D12).
 */
export const MAGIC_NUMBERS: readonly MagicNumber[] = [
  { contact: '79000000001', title: 'contact busy (after 1 s)', finish_reason: 'subscriber_busy', world: { contact: { outcome: 'busy' } } },
  { contact: '79000000002', title: 'contact does not answer (rings until the 30 s dial timeout)', finish_reason: 'subscriber_not_responsible', world: { contact: { outcome: 'no_answer' } } },
  { contact: '79000000003', title: 'contact unavailable (after 2 s)', finish_reason: 'no_success_subscriber_call', world: { contact: { outcome: 'unavailable', after: '2s' } } },
  { contact: '79000000004', title: 'contact rejects the call (after 4 s)', finish_reason: 'no_success_subscriber_call', world: { contact: { outcome: 'rejected', after: '4s' } } },
  {
    contact: '79000000005',
    title: 'voicemail: ringback, a voicemail greeting as early media at 6 s, then unavailable at 15 s',
    finish_reason: 'no_success_subscriber_call',
    world: { contact: { outcome: 'unavailable', after: '15s', early_media: [{ at: 0, kind: 'ringback' }, { at: '6s', kind: 'voicemail' }] } },
  },
  {
    contact: '79000000006',
    title: 'ringback as early media, answers after 8 s, talk of 60 s',
    finish_reason: 'subscriber_disconnects',
    world: { contact: { answer_after: '8s', early_media: [{ at: 0, kind: 'ringback' }] } },
  },
  {
    contact: '79000000007',
    title: 'contact hangs up during the message: answers after 3 s, hangs up 0.3 s later (while a contact_message of 0.3 s or more plays)',
    finish_reason: 'subscriber_disconnects',
    world: { contact: { answer_after: '3s', hangup_after: '300ms' } },
  },
  {
    contact: '79000000008',
    title: 'employee hangs up on hold: answers after 3 s, hangs up 10 s later while the contact (answers after 25 s) still rings',
    finish_reason: 'operator_disconnects',
    world: { employee: { answer_after: '3s', hangup_after: '10s' }, contact: { answer_after: '25s' } },
  },
  { contact: '79000000009', title: 'manual contact: rings until a control command (or the dial timeout)', finish_reason: '(your commands)', world: { contact: { outcome: 'manual' } } },
  {
    contact: '79000000010',
    title: 'manual both: employee and contact ring until control commands (or the dial timeout)',
    finish_reason: '(your commands)',
    world: { employee: { outcome: 'manual' }, contact: { outcome: 'manual' } },
  },
  { contact: '79000000011', title: 'short call: answers after 1 s, hangs up after 5 s of talk', finish_reason: 'subscriber_disconnects', world: { contact: { answer_after: '1s', hangup_after: '5s' } } },
  { contact: '79000000012', title: 'employee busy (every number, after 1 s)', finish_reason: 'operator_busy', world: { employee: { outcome: 'busy' } } },
  { contact: '79000000013', title: 'employee does not answer (every number rings until the dial timeout)', finish_reason: 'operator_not_responsible', world: { employee: { outcome: 'no_answer' } } },
];

const PARSED = new Map(MAGIC_NUMBERS.map((m) => [m.contact, World.parse(m.world)] as const));
const SPECIFIED = new Map(MAGIC_NUMBERS.map((m) => [m.contact, m.world] as const));

/**
 * The world of one call: a magic contact number's world over the server's one (its `contact` always,
 * its `employee` when it has one), else the server's world unchanged.
 * @example worldFor('79000000001', base).contact.outcome // 'busy'
 */
export function worldFor(contact: string, base: World): World {
  const magic = PARSED.get(contact);
  if (!magic) return base;
  return { employee: SPECIFIED.get(contact)?.employee ? magic.employee : base.employee, contact: magic.contact };
}
