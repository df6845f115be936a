import type { UptakeContext } from './context';

/** A timeout cleared if the context ends first (see UptakeContext.setTimeout). */
export function timeout(ctx: UptakeContext, fn: () => void, ms: number): number {
  return ctx.setTimeout(fn, ms);
}
