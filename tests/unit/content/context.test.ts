import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { claimWorld, UptakeContext } from '../../../lib/content/context';

afterEach(() => {
  vi.useRealTimers();
  globalThis.__uptakeContext = undefined;
});

describe('UptakeContext', () => {
  it('ends only when told, with its children, and removes what it added', () => {
    const parent = new UptakeContext();
    const child = new UptakeContext(parent);
    const target = new EventTarget();
    const heard = vi.fn();
    child.addEventListener(target, 'ping', heard);
    target.dispatchEvent(new Event('ping'));
    expect(heard).toHaveBeenCalledTimes(1);
    // An event named like WXT's start message changes nothing: the context listens for none.
    target.dispatchEvent(new CustomEvent('wxt:content-script-started', { detail: { contentScriptName: 'guide', messageId: 'x' } }));
    expect(child.isValid).toBe(true);
    parent.invalidate();
    expect(child.isInvalid).toBe(true);
    target.dispatchEvent(new Event('ping'));
    expect(heard).toHaveBeenCalledTimes(1);
  });

  it('clears its timers when it ends, and a fired timeout leaves no listener behind', () => {
    vi.useFakeTimers();
    const ctx = new UptakeContext();
    const fired = vi.fn();
    const add = vi.spyOn(ctx.signal, 'addEventListener');
    const remove = vi.spyOn(ctx.signal, 'removeEventListener');
    ctx.setTimeout(fired, 10);
    vi.advanceTimersByTime(10);
    expect(fired).toHaveBeenCalledTimes(1);
    expect(remove).toHaveBeenCalledTimes(add.mock.calls.length);
    const later = vi.fn();
    const tick = vi.fn();
    ctx.setTimeout(later, 10);
    ctx.setInterval(tick, 5);
    vi.advanceTimersByTime(5);
    ctx.invalidate();
    vi.advanceTimersByTime(50);
    expect(later).not.toHaveBeenCalled();
    expect(tick).toHaveBeenCalledTimes(1);
  });

  it('ends when the extension goes away (runtime.id lost)', () => {
    const ctx = new UptakeContext();
    expect(ctx.isValid).toBe(true);
    const id = vi.spyOn(fakeBrowser.runtime, 'id', 'get').mockReturnValue(undefined as unknown as string);
    expect(ctx.isInvalid).toBe(true);
    id.mockRestore();
  });

  it('a newer script in the same isolated world ends the one before it and drops its widget', () => {
    const first = claimWorld(new UptakeContext());
    globalThis.__uptakeWidget = { mount: () => undefined };
    const second = claimWorld(new UptakeContext());
    expect(first.isInvalid).toBe(true);
    expect(second.isValid).toBe(true);
    expect(globalThis.__uptakeWidget).toBeUndefined();
  });
});
