import type { InspectorCase } from './case.js';

/**
 * The case in the page's URL: `#z=` + base64url(deflate-raw(JSON)), or `#j=` + base64url(JSON) where the
 * browser has no CompressionStream. Both are read back; a link works from file:// and over http alike.
 */

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Blob([bytes as BlobPart]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

/** @example await encodeCase(seedCase()) // 'z=q1ZKy…' */
export async function encodeCase(value: InspectorCase): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(value));
  if (typeof CompressionStream === 'undefined') return `j=${toBase64Url(json)}`;
  return `z=${toBase64Url(await pipe(json, new CompressionStream('deflate-raw')))}`;
}

/** The case from a hash (with or without `#`), or null when there is none or it cannot be read. */
export async function decodeCase(hash: string): Promise<InspectorCase | null> {
  const match = /^#?([zj])=([A-Za-z0-9_-]+)$/.exec(hash.trim());
  if (!match) return null;
  try {
    let bytes = fromBase64Url(match[2]!);
    if (match[1] === 'z') bytes = await pipe(bytes, new DecompressionStream('deflate-raw'));
    const value = JSON.parse(new TextDecoder().decode(bytes)) as Partial<InspectorCase>;
    if (typeof value !== 'object' || value === null || typeof value.scenario !== 'object' || value.scenario === null) return null;
    return {
      scenario: value.scenario,
      compare: typeof value.compare === 'object' ? value.compare : null,
      t: typeof value.t === 'number' ? value.t : null,
      edited: value.edited === true,
    };
  } catch {
    return null;
  }
}
