import type { UptakeDb } from '../store/db';

const KEY = 'clockOffset';

/** The stored offset: what every extension page shows while the clock is moved. */
export async function readClockOffset(db: UptakeDb): Promise<number> {
  const v = await db.get('meta', KEY);
  return typeof v === 'number' ? v : 0;
}

/**
 * Uptake's clock: real time plus an offset set from the options page (0 unless a
 * playbook author previews the future). Loaded before the first message is handled.
 */
export function createClock(db: () => Promise<UptakeDb>) {
  let offset = 0;
  const ready = db()
    .then(readClockOffset)
    .then((v) => {
      offset = v;
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
