/**
 * SHA-256 as lowercase hex, with the Web Crypto API that the extension's pages, its
 * worker and Node all have. Identities are salted with the app id exactly as capture
 * salts them (lib/capture/identity.ts), so an identity hashed at export matches the
 * same person hashed at capture by a playbook with `"hash": true`.
 */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The same 32-hex-digit form capture stores when a playbook says `"hash": true`. */
export async function hashIdentity(app: string, value: string): Promise<string> {
  return (await sha256Hex(`${app}:${value}`)).slice(0, 32);
}

/** A short, stable fingerprint of the playbook text: two exports under the same playbook carry the same one. */
export async function playbookHash(text: string): Promise<string> {
  return (await sha256Hex(text)).slice(0, 12);
}
