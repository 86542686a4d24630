import type { Account } from '../account/schema.js';
import { activeNumbers, codePointLength, contactName, findEmployee, findMediaFile } from '../account/lookup.js';
import type { CallParams, Message } from '../protocol/params.js';
import type { Platform, World } from '../scenario/schema.js';
import { dtmfSchedule } from './dtmf.js';
import { seededRandom } from './random.js';
import { chooseVirtualNumber, type NumaMemory } from './virtual-number.js';
import type { CallPlan, MessageSource } from '../../machines/types.js';

export type { CallPlan } from '../../machines/types.js';

/** D12: whatever happens, a session is cut after 4 hours of simulated time. */
export const SESSION_LIMIT_MS = 4 * 60 * 60 * 1000;

export interface PlanInput {
  params: CallParams;
  account: Account;
  platform: Platform;
  world: World;
  seed: number;
  callSessionId: number;
  numaMemory: NumaMemory;
}

export function planCall({ params, account, platform, world, seed, callSessionId, numaMemory }: PlanInput): CallPlan {
  const virtualNumber = chooseVirtualNumber(params, account, seededRandom(seed), numaMemory);
  const employee = findEmployee(account, params.employee.id);
  const employeeNumbers = params.employee.phone_number
    ? [params.employee.phone_number]
    : (employee ? activeNumbers(employee) : []).map((n) => n.number);
  const message = (m: Message | null): MessageSource | null => m && messageSource(m, account, platform);
  return {
    callSessionId,
    externalId: params.external_id,
    firstCall: params.first_call,
    direction: params.direction,
    virtualNumber,
    contactName: contactName(account, params.contact),
    numbers: { employee: employeeNumbers, contact: [params.contact] },
    callerIds: {
      contact: virtualNumber,
      employee: params.show_virtual_phone_number ? virtualNumber : params.contact,
    },
    messages: { employee: message(params.employee_message), contact: message(params.contact_message) },
    holdMusicId: params.media_file_id,
    switchInForce: params.switch_at_once && params.contact_message?.type !== 'tts',
    earlySwitching: params.early_switching,
    dtmf: dtmfSchedule(params.dtmf_string),
    dialTimeoutMs: platform.dial_timeout,
    sessionLimitMs: SESSION_LIMIT_MS,
    world,
  };
}

/** D2: a media file lasts as long as the account's library says; TTS lasts `tts_ms_per_char` per code point. */
function messageSource(message: Message, account: Account, platform: Platform): MessageSource {
  const duration_ms =
    message.type === 'tts'
      ? Math.round(codePointLength(message.value) * platform.tts_ms_per_char)
      : (findMediaFile(account, Number(message.value))?.duration_ms ?? 0);
  return { kind: 'message', type: message.type, value: message.value, duration_ms };
}
