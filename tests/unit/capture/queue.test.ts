import { describe, expect, it, vi } from 'vitest';
import { type Outbox, createQueue } from '../../../lib/capture/queue';
import type { CapturedEvent } from '../../../lib/types';

const ev = (n: number): CapturedEvent => ({ id: `page-1:${n}`, feature: 'add-task', kind: 'submit', ts: 1_700_000_000_000 + n, path: '/tasks' });
const ids = (events: readonly CapturedEvent[]) => events.map((e) => e.id);

/** A background that stores everything it gets and remembers every batch (copied: the queue keeps its arrays). */
function background(answer: (batch: Outbox) => string[] | Promise<string[]> = (b) => ids(b.events)) {
  const batches: Outbox[] = [];
  const send = vi.fn(async (batch: Outbox) => {
    batches.push({ events: [...batch.events], meters: [...batch.meters] });
    return answer(batch);
  });
  return { send, batches };
}

/** A background whose answers wait until `release()` is called: a send caught in flight. */
function gatedBackground() {
  let release!: () => void;
  const gate = new Promise<void>((r) => {
    release = r;
  });
  const bg = background(async (b) => {
    await gate;
    return ids(b.events);
  });
  return { bg, release };
}

describe('createQueue', () => {
  it('keeps pushed events until a flush is acknowledged', async () => {
    const bg = background();
    const q = createQueue({ send: bg.send });
    q.push(ev(1));
    q.push(ev(2));
    expect(q.size).toBe(2);
    expect(bg.send).not.toHaveBeenCalled();
    await q.flush();
    expect(q.size).toBe(0);
    expect(ids(bg.batches[0]?.events ?? [])).toEqual(['page-1:1', 'page-1:2']);
  });

  it('keeps everything when the send rejects (worker unreachable), and the flush rejects', async () => {
    const q = createQueue({ send: () => Promise.reject(new Error('Could not establish connection. Receiving end does not exist.')) });
    q.push(ev(1));
    q.meter({ meter: 'seats', used: 7, limit: 10, ts: 1 });
    await expect(q.flush()).rejects.toThrow('Receiving end does not exist');
    expect(q.size).toBe(1);
  });

  it('re-sends a meter sample whose send failed', async () => {
    let fail = true;
    const bg = background((b) => {
      if (fail) throw new Error('stopped');
      return ids(b.events);
    });
    const q = createQueue({ send: bg.send });
    q.meter({ meter: 'seats', used: 7, limit: 10, ts: 1 });
    await expect(q.flush()).rejects.toThrow('stopped');
    fail = false;
    await q.flush();
    expect(bg.batches.map((b) => b.meters.length)).toEqual([1, 1]);
    await q.flush();
    expect(bg.send).toHaveBeenCalledTimes(2);
  });

  it('drops only the acknowledged events on a partial ack', async () => {
    const bg = background((b) => ids(b.events).filter((id) => id !== 'page-1:2'));
    const q = createQueue({ send: bg.send });
    for (const n of [1, 2, 3]) q.push(ev(n));
    await q.flush();
    expect(q.size).toBe(1);
    // Sent once more in the same flush (the first batch made progress), then given up until the next flush.
    expect(bg.batches.map((b) => ids(b.events))).toEqual([['page-1:1', 'page-1:2', 'page-1:3'], ['page-1:2']]);
  });

  it('re-sends an unacknowledged event with the same id on the next flush', async () => {
    let reachable = false;
    const bg = background((b) => {
      if (!reachable) throw new Error('stopped');
      return ids(b.events);
    });
    const q = createQueue({ send: bg.send });
    q.push(ev(7));
    await expect(q.flush()).rejects.toThrow();
    reachable = true;
    await q.flush();
    expect(bg.batches.map((b) => ids(b.events))).toEqual([['page-1:7'], ['page-1:7']]);
    expect(bg.batches[1]?.events[0]).toEqual(ev(7));
  });

  it('stops a flush when a batch is acknowledged with nothing, keeping the events', async () => {
    const bg = background(() => []);
    const q = createQueue({ send: bg.send });
    q.push(ev(1));
    await q.flush();
    expect(bg.send).toHaveBeenCalledTimes(1);
    expect(q.size).toBe(1);
  });

  it('caps each batch at maxBatch and sends the rest in later batches of the same flush', async () => {
    const bg = background();
    const q = createQueue({ send: bg.send, maxBatch: 2 });
    for (let n = 1; n <= 5; n++) q.push(ev(n));
    await q.flush();
    expect(bg.batches.map((b) => b.events.length)).toEqual([2, 2, 1]);
    expect(bg.batches.flatMap((b) => ids(b.events))).toEqual(ids([1, 2, 3, 4, 5].map(ev)));
    expect(q.size).toBe(0);
  });

  it('shares one run between concurrent flushes', async () => {
    const { bg, release } = gatedBackground();
    const q = createQueue({ send: bg.send });
    q.push(ev(1));
    const first = q.flush();
    const second = q.flush();
    expect(second).toBe(first);
    release();
    await Promise.all([first, second]);
    expect(bg.send).toHaveBeenCalledTimes(1);
  });

  it('keeps events pushed while a send is in flight', async () => {
    const { bg, release } = gatedBackground();
    const q = createQueue({ send: bg.send });
    q.push(ev(1));
    const run = q.flush();
    await Promise.resolve();
    q.push(ev(2));
    release();
    await run;
    expect(bg.batches.flatMap((b) => ids(b.events))).toEqual(['page-1:1', 'page-1:2']);
    expect(q.size).toBe(0);
  });

  it('starts a new run after the previous one ended', async () => {
    const bg = background();
    const q = createQueue({ send: bg.send });
    q.push(ev(1));
    await q.flush();
    q.push(ev(2));
    await q.flush();
    expect(bg.batches.map((b) => ids(b.events))).toEqual([['page-1:1'], ['page-1:2']]);
  });

  it('sends nothing when nothing is pending', async () => {
    const bg = background();
    await createQueue({ send: bg.send }).flush();
    expect(bg.send).not.toHaveBeenCalled();
  });

  it('sends only the latest sample per meter', async () => {
    const bg = background();
    const q = createQueue({ send: bg.send });
    q.meter({ meter: 'seats', used: 6, limit: 10, ts: 1 });
    q.meter({ meter: 'seats', used: 7, limit: 10, ts: 2 });
    await q.flush();
    expect(bg.batches[0]?.meters).toEqual([{ meter: 'seats', used: 7, limit: 10, ts: 2 }]);
  });

  it('drops the oldest events past maxPending, keeping the newest', async () => {
    const bg = background();
    const q = createQueue({ send: bg.send, maxPending: 3 });
    for (let n = 1; n <= 5; n++) q.push(ev(n));
    expect(q.size).toBe(3);
    await q.flush();
    expect(ids(bg.batches.flatMap((b) => b.events))).toEqual(['page-1:3', 'page-1:4', 'page-1:5']);
  });

  // A reply acknowledging only foreign ids must not make one flush send forever
  // (bounded here by a background that gives up after 20 sends).
  it('stops a flush when the acknowledged ids are not in the batch', async () => {
    let calls = 0;
    const q = createQueue({
      send: async () => {
        if (++calls > 20) throw new Error('too many sends');
        return ['some-other-id'];
      },
    });
    q.push(ev(1));
    await q.flush();
    expect(calls).toBe(1);
  });

  it('drain, on the way out, sends every pending batch at once even with a flush in flight, and keeps events until acknowledged', async () => {
    const { bg, release } = gatedBackground();
    const q = createQueue({ send: bg.send, maxBatch: 200 });
    for (let n = 1; n <= 250; n++) q.push(ev(n));
    const flushing = q.flush(); // the first 200 in flight; their answer may never come (the tab is closing)
    for (let n = 251; n <= 450; n++) q.push(ev(n));
    q.meter({ meter: 'seats', used: 7, limit: 10, ts: 1 });
    q.drain();
    // Sent synchronously: nothing may wait for an answer or a later task.
    expect(bg.send).toHaveBeenCalledTimes(4);
    const drained = bg.batches.slice(1);
    expect(ids(drained.flatMap((b) => b.events))).toEqual(Array.from({ length: 450 }, (_, i) => `page-1:${i + 1}`));
    expect(drained.every((b) => b.events.length <= 200)).toBe(true);
    expect(drained[0]?.meters).toHaveLength(1);
    expect(q.size).toBe(450);
    release();
    await flushing;
    await new Promise((r) => setTimeout(r, 0));
    expect(q.size).toBe(0);
  });
});
