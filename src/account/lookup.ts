import type { Account, ComponentId, Employee, EmployeeNumber, MediaFile } from './schema.js';

/** Account look-ups shared by the request checks and the simulator. Pure functions over account data. */

export function findEmployee(account: Account, id: number): Employee | undefined {
  return account.employees.find((e) => e.id === id);
}

/** The employee's active numbers in the order the account lists them (R14, D7). */
export function activeNumbers(employee: Employee): EmployeeNumber[] {
  return employee.numbers.filter((n) => n.status === 'active');
}

export function findMediaFile(account: Account, id: number): MediaFile | undefined {
  return account.media_files.find((f) => f.id === id);
}

export function isOwnVirtualNumber(account: Account, number: string): boolean {
  return account.virtual_numbers.some((v) => v.number === number);
}

/** An employee's SIP number, whatever its status (R13: a SIP contact's status is not considered). */
export function findSipNumber(account: Account, number: string): EmployeeNumber | undefined {
  for (const employee of account.employees) {
    const found = employee.numbers.find((n) => n.kind === 'sip' && n.number === number);
    if (found) return found;
  }
  return undefined;
}

/** The contact's name from the address book only (R13), or null. */
export function contactName(account: Account, contact: string): string | null {
  return account.address_book.find((entry) => entry.number === contact)?.name ?? null;
}

/** The region of a number by the longest matching prefix, or null. */
export function regionOf(account: Account, number: string): string | null {
  let best: { prefix: string; region: string } | null = null;
  for (const entry of account.region_prefixes) {
    if (number.startsWith(entry.prefix) && (!best || entry.prefix.length > best.prefix.length)) best = entry;
  }
  return best?.region ?? null;
}

/** Code points, the unit of TTS lengths (D2, V5). */
export function codePointLength(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

/** The account's record of an access token, or undefined when the account does not know it (V2). */
export function findAccessToken(account: Account, token: string): Account['access_tokens'][number] | undefined {
  return account.access_tokens.find((t) => t.token === token);
}

export function hasComponent(account: Account, component: ComponentId): boolean {
  return account.components.includes(component);
}

export function isBlacklisted(account: Account, contact: string): boolean {
  return account.blacklist.includes(contact);
}
