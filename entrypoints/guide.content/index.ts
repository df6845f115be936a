import { startSession } from '@/lib/content/session';
import { request } from '@/lib/messaging';

export default defineContentScript({
  // Registered by the background for the active playbook's origins only (no all-URLs permission).
  registration: 'runtime',
  matches: [],
  async main(ctx) {
    try {
      const { playbook } = await request<'cs:hello'>({ type: 'cs:hello', url: location.href });
      if (playbook && !ctx.isInvalid) startSession(ctx, playbook);
    } catch (error) {
      // Uptake is unavailable or failed: the page carries on untouched.
      console.warn('Uptake: not running on this page', error);
    }
  },
});
