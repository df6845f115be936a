import { z } from 'zod';

/** Building blocks shared by the parts of the playbook schema. */

export const id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, {
    message: 'must be a short id: lowercase letters, digits, "-" or "_", starting with a letter or digit (e.g. "create-project")',
  });

export const cssSelector = z
  .string()
  .min(1, { message: 'must be a non-empty CSS selector' })
  .max(500, { message: 'is too long for a CSS selector (500 characters at most)' });

export const anchorSchema = z
  .strictObject({
    selectors: z
      .array(cssSelector)
      .min(1, { message: 'needs at least one CSS selector' })
      .describe('CSS selectors tried in order; the first that finds a matching element wins. Open shadow roots are pierced.'),
    text: z
      .string()
      .regex(/\S/, { message: 'must contain some text: a filter of only spaces would match every element' })
      .optional()
      .describe('Only elements whose visible text contains this (case and spacing ignored) match.'),
    name: z
      .string()
      .regex(/\S/, { message: 'must contain some text: a filter of only spaces would match every element' })
      .optional()
      .describe('Only elements whose accessible name (aria-label, aria-labelledby, title or text) contains this (case and spacing ignored) match.'),
  })
  .describe('How to find an element robustly.');
export type Anchor = z.infer<typeof anchorSchema>;

export const routePath = z
  .string()
  .regex(/^[/#]/, { message: 'must start with "/" (a path such as "/reports/:id") or "#" (a hash route such as "#/reports")' })
  .describe('A path pattern: ":name" matches one segment, "*" matches the rest.');

