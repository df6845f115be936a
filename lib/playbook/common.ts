import { z } from 'zod';
import { LIMITS } from './limits';
import { costlySelectorPart } from './selector-cost';

/** Building blocks shared by the parts of the playbook schema. */

export const id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, {
    message: 'must be a short id: lowercase letters, digits, "-" or "_", starting with a letter or digit (e.g. "create-project")',
  });

/** A string of at most `max` characters, saying so when it is longer. */
export const text = (max: number) => z.string().max(max, { message: `is too long (${max} characters at most)` });
/** A name or title shown to users and CSMs. */
export const name = text(LIMITS.name).min(1);
/** A list of at most `max` items; the maxima are in lib/playbook/limits.ts and docs/playbook.md. */
export const many = <T extends z.ZodType>(item: T, max: number, what: string) =>
  z.array(item).max(max, { message: `has more than ${max} ${what}: ${max} at most` });

export const cssSelector = z
  .string()
  .min(1, { message: 'must be a non-empty CSS selector' })
  .max(500, { message: 'is too long for a CSS selector (500 characters at most)' })
  .superRefine((sel, ctx) => {
    const part = costlySelectorPart(sel);
    if (part)
      ctx.addIssue({
        code: 'custom',
        message: `uses ${part}, which costs the page time in proportion to its size on every change: point at the element itself (a text or name filter can pick it among similar ones)`,
      });
  });

export const anchorSchema = z
  .strictObject({
    selectors: many(cssSelector, LIMITS.selectors, 'selectors')
      .min(1, { message: 'needs at least one CSS selector' })
      .describe('CSS selectors tried in order; the first that finds a matching element wins. Open shadow roots are pierced.'),
    text: text(LIMITS.label)
      .regex(/\S/, { message: 'must contain some text: a filter of only spaces would match every element' })
      .optional()
      .describe('Only elements whose visible text contains this (case and spacing ignored) match.'),
    name: text(LIMITS.label)
      .regex(/\S/, { message: 'must contain some text: a filter of only spaces would match every element' })
      .optional()
      .describe('Only elements whose accessible name (aria-label, aria-labelledby, title or text) contains this (case and spacing ignored) match.'),
  })
  .describe('How to find an element robustly.');
export type Anchor = z.infer<typeof anchorSchema>;

export const routePath = text(LIMITS.route)
  .regex(/^[/#]/, { message: 'must start with "/" (a path such as "/reports/:id") or "#" (a hash route such as "#/reports")' })
  .describe('A path pattern: ":name" matches one segment, a "*" segment one or more segments, "*" inside a segment any characters but "/"; "#!" routes are "#/" routes; a trailing "#*" ignores a further "#…" suffix.');

