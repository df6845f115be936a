/** FNV-1a, 32-bit: a stable, well-spread hash of a short string (no crypto needed for a control group). */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  // FNV alone barely moves the high bits for a different last character ("tip-1", "tip-2"):
  // murmur3's finaliser mixes them, so the control groups of similar nudges stay independent.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * Whether this user is in the control group for this nudge: the same answer every
 * time (deterministic), independent across nudges, about `share` of users.
 */
export function inHoldout(userKey: string, nudgeId: string, share: number): boolean {
  return fnv1a(`${userKey}\u0000${nudgeId}`) / 2 ** 32 < share;
}
