import { type CaptureHost, startCapture } from '@/lib/capture/capture';
import { ANONYMOUS, readIdentity } from '@/lib/capture/identity';
import { createQueue } from '@/lib/capture/queue';
import { request } from '@/lib/messaging';
import type { Responses } from '@/lib/protocol';
import type { Identity } from '@/lib/types';

export default defineContentScript({
  // Registered by the background for the active playbook's origins only (no all-URLs permission).
  registration: 'runtime',
  matches: [],
  async main(ctx) {
    let playbook: Responses['cs:hello']['playbook'];
    try {
      ({ playbook } = await request<'cs:hello'>({ type: 'cs:hello', url: location.href }));
    } catch {
      return; // Uptake is unavailable (updating, disabled): the page carries on untouched.
    }
    if (!playbook || ctx.isInvalid) return;
    const pb = playbook;

    // Read at every send, not once: a single-page app can switch account without a reload.
    const who = async (): Promise<Identity> =>
      (await readIdentity(pb, document, location).catch(() => null)) ?? { account: ANONYMOUS, user: ANONYMOUS };

    const queue = createQueue({
      send: async (batch) => (await request<'cs:batch'>({ type: 'cs:batch', app: pb.app.id, identity: await who(), ...batch })).ack,
    });
    let failures = 0;
    let retryAt = 0;
    const flush = () => {
      if (ctx.isInvalid || Date.now() < retryAt) return;
      queue.flush().then(
        () => {
          failures = 0;
        },
        () => {
          // The worker was stopped or is restarting: keep the events, back off, retry.
          failures++;
          retryAt = Date.now() + Math.min(30_000, 250 * 2 ** failures);
        },
      );
    };

    const seqBase = crypto.randomUUID().slice(0, 13);
    let seq = 0;
    const host: CaptureHost = {
      listen: (target, type, fn, opts) => ctx.addEventListener(target as Window, type as 'click', fn as () => void, opts),
      setTimeout: (fn, ms) => void ctx.setTimeout(fn, ms),
      setInterval: (fn, ms) => void ctx.setInterval(fn, ms),
      now: Date.now,
      onStop: (fn) => ctx.onInvalidated(fn),
    };
    try {
      startCapture(pb, host, {
        feature(feature, kind) {
          queue.push({ id: `${seqBase}:${seq++}`, feature, kind, ts: Date.now(), path: location.pathname });
          if (queue.size >= 50) flush();
        },
        meter(sample) {
          queue.meter(sample);
        },
      });
    } catch (error) {
      // Our failure must never become the page's: log and stand down.
      console.warn('Uptake: capture could not start on this page', error);
      return;
    }
    ctx.setInterval(flush, 1000);
    ctx.addEventListener(window, 'pagehide', () => {
      retryAt = 0;
      flush();
    });
    ctx.addEventListener(document, 'visibilitychange', () => {
      if (document.visibilityState === 'hidden') flush();
    });
  },
});
