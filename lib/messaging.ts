import type { MessageOf, MessageType, Reply, Responses } from './protocol';

/** Sends a protocol message to the background and unwraps its reply; rejects with the background's reason. */
export async function request<T extends MessageType>(msg: MessageOf<T>): Promise<Responses[T]> {
  const reply = (await browser.runtime.sendMessage(msg)) as Reply<T> | undefined;
  if (!reply) throw new Error('no answer from the Uptake background');
  if (!reply.ok) throw new Error(reply.error);
  return reply.data;
}
