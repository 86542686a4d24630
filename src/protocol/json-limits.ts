/**
 * How complex a request body may be before it is read as JSON. A Call API request holds a few dozen
 * values at most three levels deep; within the 1 MiB a body may weigh, JSON can hold half a million
 * values or nest half a million levels, and reading, checking and echoing that takes hundreds of
 * milliseconds. A body past these limits is answered `parse_error`, as a body the server could not read.
 */
export const JSON_LIMITS = {
  /** Levels of arrays and objects (PHP's `json_decode` refuses more than 512 by default, too). */
  depth: 512,
  /** Values: each array, object, and each element or member after a comma. */
  values: 4096,
};

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_ARRAY = 0x5b;
const OPEN_OBJECT = 0x7b;
const CLOSE_ARRAY = 0x5d;
const CLOSE_OBJECT = 0x7d;
const COMMA = 0x2c;

/**
 * Whether JSON text stays within `limits`, found in one pass over its characters (strings skipped)
 * without building anything, so that an over-complex body costs as little as reading it. Text that is
 * not JSON may pass: `JSON.parse` judges it next.
 * @example withinJsonLimits('{"a":[1,2,3]}') // true
 * @example withinJsonLimits('['.repeat(600) + ']'.repeat(600)) // false
 */
export function withinJsonLimits(text: string, limits: { depth: number; values: number } = JSON_LIMITS): boolean {
  let depth = 0;
  let values = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      for (i++; i < text.length; i++) {
        const s = text.charCodeAt(i);
        if (s === BACKSLASH) i++;
        else if (s === QUOTE) break;
      }
    } else if (c === OPEN_ARRAY || c === OPEN_OBJECT) {
      if (++depth > limits.depth || ++values > limits.values) return false;
    } else if (c === CLOSE_ARRAY || c === CLOSE_OBJECT) {
      depth--;
    } else if (c === COMMA && ++values > limits.values) {
      return false;
    }
  }
  return true;
}
