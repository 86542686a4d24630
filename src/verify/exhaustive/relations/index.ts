import { contactAnswerDelay, employeeAnswerDelay } from './answer-delay.js';
import { dtmfOnlyAddsDigits } from './dtmf.js';
import { earlySwitchingOnlyChangesTheLine } from './early-switching.js';
import { failureKindIsALabel } from './failure-kind.js';
import { hangupOrRelease } from './hangup-or-release.js';
import { callerIdIsALabel, directionIsALabel, externalIdIsALabel, holdMusicIsALabel } from './labels.js';
import { messageTypeIsALabel } from './message-type.js';
import type { Relation } from './relation.js';
import { switchWithNothingToCut, ttsDisablesSwitch } from './switch.js';
import { together } from './together.js';

export type { Relation } from './relation.js';

/** Every metamorphic relation `explore --exhaustive` checks, each tied to its SPEC rules (docs/verification.md). */
export const RELATIONS: Relation[] = [
  together('labels', [directionIsALabel, holdMusicIsALabel, externalIdIsALabel, callerIdIsALabel]),
  ttsDisablesSwitch,
  switchWithNothingToCut,
  messageTypeIsALabel,
  failureKindIsALabel,
  contactAnswerDelay,
  employeeAnswerDelay,
  earlySwitchingOnlyChangesTheLine,
  hangupOrRelease,
  dtmfOnlyAddsDigits,
];
