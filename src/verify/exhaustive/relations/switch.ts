import { scenarioParams } from '../case.js';
import type { Case } from '../types.js';
import { copyCase, relabelling } from './relation.js';

type Params = Record<string, unknown>;

/** A relation that `switch_at_once: false` gives exactly the same run, when `applies` to the params. */
function switchHasNoEffect(name: string, rules: string[], statement: string, applies: (params: Params) => boolean) {
  return relabelling({
    name,
    rules,
    statement,
    neighbour: (base: Case) => {
      const params = scenarioParams(base.scenario);
      if (params.switch_at_once !== true || params.early_switching === true || !applies(params)) return null;
      const next = copyCase(base);
      scenarioParams(next.scenario).switch_at_once = false;
      return next;
    },
    relabel: (event) => event,
  });
}

const isTts = (message: unknown) => (message as { type?: string } | undefined)?.type === 'tts';

export const ttsDisablesSwitch = switchHasNoEffect(
  'tts-disables-switch',
  ['R10', 'D4'],
  '`switch_at_once: true` with a TTS contact message runs exactly as `switch_at_once: false`, whichever leg is called first',
  (params) => isTts(params.contact_message),
);

export const switchWithNothingToCut = switchHasNoEffect(
  'switch-with-nothing-to-cut',
  ['R4', 'R7', 'R9', 'D10'],
  '`switch_at_once` changes nothing when there is no message it could cut or skip: first_call employee without a contact message (R4), first_call contact without any message (R7, R9, D10)',
  (params) =>
    params.first_call === 'employee' ? params.contact_message === undefined : params.contact_message === undefined && params.employee_message === undefined,
);
