import type { UptakeDb } from '../store/db';

const KEY = 'clockOffset';

/**
 * Uptake's clock: real time plus an offset set from the options page (0 unless a
 * playbook author previews the future). Loaded before the first message is handled.
 */
export function createClock(db: () => Promise<UptakeDb>) {
  let offset = 0;
  const ready = db()
    .then((d) => d.get('meta', KEY))
    .then((v) => {
      offset = typeof v === 'number' ? v : 0;
    })
    .catch(() => undefined);
  return {
    ready,
    now: () => Date.now() + offset,
    async set(ms: number) {
      offset = ms;
      await (await db()).put('meta', ms, KEY);
    },
  };
}
