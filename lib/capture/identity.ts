import { hashIdentity } from '../export/hash';
import type { IdentitySource, Playbook } from '../playbook/schema';
import type { Identity } from '../types';

export const ANONYMOUS = '(anonymous)';
const MAX = 200;

/** Reads one identity value the way the playbook says; nothing else on the page is read. */
export function readSource(src: IdentitySource, doc: Document, loc: Location): string | null {
  let value: string | null | undefined = null;
  switch (src.from) {
    case 'selector': {
      let el: Element | null = null;
      try {
        el = doc.querySelector(src.selector);
      } catch {
        el = null;
      }
      value = src.attribute ? el?.getAttribute(src.attribute) : el?.textContent;
      break;
    }
    case 'meta':
      value = doc.querySelector(`meta[name="${CSS.escape(src.name)}"]`)?.getAttribute('content');
      break;
    case 'url':
      value = loc.pathname.split('/').filter(Boolean)[src.segment];
      break;
    case 'constant':
      value = src.value;
      break;
  }
  const trimmed = value?.trim().slice(0, MAX);
  return trimmed ? trimmed : null;
}

/** Account and user of the signed-in person, hashed when the playbook asks; null parts are not on the page yet. */
export async function readIdentity(pb: Playbook, doc: Document, loc: Location): Promise<Identity | null> {
  const { identity } = pb.app;
  const account = readSource(identity.account, doc, loc);
  const user = readSource(identity.user, doc, loc);
  if (!account || !user) return null;
  if (!identity.hash) return { account, user };
  // The app id salts the hash so the same e-mail in two apps does not link up.
  return { account: await hashIdentity(pb.app.id, account), user: await hashIdentity(pb.app.id, user) };
}
