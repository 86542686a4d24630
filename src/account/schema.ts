import { z } from 'zod';
import { Duration } from '../scenario/duration.js';

/** E.164 as the platform checks it here: digits only, country code first, 11–15 digits. */
export const E164 = z.string().regex(/^[1-9]\d{10,14}$/, 'expected an E.164 number: 11–15 digits, country code first');

/** Components an account may have; the value is the platform's own name, used in `component_disabled`. */
export const COMPONENT_NAMES = {
  call_api_basic: 'Call API Базовый набор',
  call_api_call_management: 'Call API Управление вызовами',
  automatic_number_management: 'Автоматическое управление номерами',
} as const;
export const ComponentId = z.enum(Object.keys(COMPONENT_NAMES) as [keyof typeof COMPONENT_NAMES]);
export type ComponentId = z.infer<typeof ComponentId>;

/**
 * The most characters any account's `tts_max_length` may allow, and so the longest message value a
 * request may carry: every text over an account's limit still gets the platform's tts_text_exceeded.
 */
export const MAX_TTS_LENGTH = 4096;
/** The longest access token a request may carry, so no account holds one that could not be sent. */
export const MAX_TOKEN_LENGTH = 1024;

export const AccessToken = z.strictObject({
  token: z.string().min(1).max(MAX_TOKEN_LENGTH),
  /** ISO 8601; absent or null = never expires. */
  expires_at: z.iso
    .datetime({ offset: true, error: 'expected an ISO 8601 date and time with a time zone, e.g. "2030-01-31T23:59:59Z" or "2030-01-31T23:59:59+03:00"' })
    .nullable()
    .default(null),
  blocked: z.boolean().default(false),
});

export const VirtualNumber = z.strictObject({
  number: E164,
  region: z.string().min(1),
  /** Whether the usage rules other than `fixed` may pick this number (R12). */
  in_pool: z.boolean().default(true),
});

export const EmployeeNumber = z.strictObject({
  number: z.string().min(1),
  kind: z.enum(['e164', 'sip', 'internal']),
  status: z.enum(['active', 'inactive']),
});

export const Employee = z.strictObject({
  id: z.number().int().positive(),
  full_name: z.string(),
  /** In the order they are dialled (D7). */
  numbers: z.array(EmployeeNumber),
});

export const MediaFile = z.strictObject({
  id: z.number().int().positive(),
  name: z.string(),
  duration_ms: Duration,
  /** System files are the platform's own; `dialing_music` is the default hold music. */
  system: z.boolean().default(false),
  mnemonic: z.string().optional(),
});

export const AddressBookEntry = z.strictObject({ number: z.string().min(1), name: z.string() });

/** Maps the start of a contact's number to a region, for the regional usage rules (R12). */
export const RegionPrefix = z.strictObject({ prefix: z.string().regex(/^\d+$/, 'expected digits'), region: z.string() });

export const NumaPair = z.strictObject({ contact: z.string().min(1), virtual_phone_number: E164 });

export const Notification = z.strictObject({
  url: z.url({ error: 'expected an absolute URL, e.g. "http://127.0.0.1:9000/hooks"' }),
  /** Event kinds (see the mock server's notifications); absent = all. */
  events: z.array(z.string()).optional(),
});

export const Account = z.strictObject({
  name: z.string().min(1),
  access_tokens: z.array(AccessToken).min(1),
  users: z.array(z.strictObject({ login: z.string(), password: z.string() })).default([]),
  components: z.array(ComponentId),
  virtual_numbers: z.array(VirtualNumber).min(1),
  region_prefixes: z.array(RegionPrefix).default([]),
  employees: z.array(Employee),
  media_files: z.array(MediaFile),
  address_book: z.array(AddressBookEntry).default([]),
  blacklist: z.array(z.string()).default([]),
  /** Characters (code points) a TTS message may have; at most {@link MAX_TTS_LENGTH}. */
  tts_max_length: z.number().int().positive().max(MAX_TTS_LENGTH),
  /** `*_fixed_for_numa` pairs already remembered (D15). */
  numa_pairs: z.array(NumaPair).default([]),
  limits: z
    .strictObject({ minute_limit: z.number().int().positive(), day_limit: z.number().int().positive() })
    .default({ minute_limit: 600, day_limit: 100_000 }),
  notifications: z.array(Notification).default([]),
}).refine((account) => account.media_files.some((f) => f.system && f.mnemonic === 'dialing_music'), {
  message: 'expected a system media file with mnemonic "dialing_music" (the default hold music)',
  path: ['media_files'],
});

export type Account = z.output<typeof Account>;
export type AccountInput = z.input<typeof Account>;
export type Employee = z.output<typeof Employee>;
export type EmployeeNumber = z.output<typeof EmployeeNumber>;
export type MediaFile = z.output<typeof MediaFile>;
export type VirtualNumber = z.output<typeof VirtualNumber>;
