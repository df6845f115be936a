import type { Browser } from 'wxt/browser';
import { type Message, type MessageOf, type MessageType, type Reply, type Responses, isPrivileged, messageSchema } from '../protocol';

export type Sender = Browser.runtime.MessageSender;

/** One handler per message type: a type without a handler fails to compile. */
export type Handlers = { [T in MessageType]: (msg: MessageOf<T>, sender: Sender) => Promise<Responses[T]> };

export interface RouterOptions {
  extensionId: string;
  /** e.g. "chrome-extension://abc/" */
  extensionOrigin: string;
  onError?: (type: string, error: unknown) => void;
  /** A message was handled (e.g. a stored batch: storage works again). */
  onSuccess?: (type: MessageType) => void;
  /** Awaited before the first message is handled (state the handlers need, like the clock). */
  ready?: Promise<unknown>;
}

/** An extension page (popup, options), not a content script inside someone's app. */
export function isExtensionPage(sender: Sender, opts: RouterOptions): boolean {
  return sender.id === opts.extensionId && typeof sender.url === 'string' && sender.url.startsWith(opts.extensionOrigin);
}

/** Validates a raw message and its sender, then runs its handler. Never throws: failures become `{ ok: false }`. */
export function createRouter(handlers: Handlers, opts: RouterOptions) {
  return async (raw: unknown, sender: Sender): Promise<Reply<MessageType>> => {
    await opts.ready;
    if (sender.id !== opts.extensionId) return { ok: false, error: 'refused: message from another extension' };
    const parsed = messageSchema.safeParse(raw);
    if (!parsed.success) {
      const type = (raw as { type?: unknown } | null)?.type;
      return { ok: false, error: `invalid message${typeof type === 'string' ? ` "${type}"` : ''}: ${parsed.error.issues[0]?.message ?? 'unknown shape'}` };
    }
    const msg: Message = parsed.data;
    if (isPrivileged(msg.type) && !isExtensionPage(sender, opts)) {
      return { ok: false, error: `refused: "${msg.type}" is only accepted from Uptake's own pages` };
    }
    try {
      const handler = handlers[msg.type] as (m: Message, s: Sender) => Promise<Responses[MessageType]>;
      const data = await handler(msg, sender);
      opts.onSuccess?.(msg.type);
      return { ok: true, data };
    } catch (error) {
      opts.onError?.(msg.type, error);
      return { ok: false, error: `failed: ${(error as Error)?.message ?? String(error)}` };
    }
  };
}
