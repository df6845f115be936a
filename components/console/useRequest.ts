import { useEffect, useState } from 'preact/hooks';
import { request } from '@/lib/messaging';
import type { MessageOf, Responses } from '@/lib/protocol';

export type Loaded<T> = { kind: 'loading' } | { kind: 'data'; data: T } | { kind: 'error'; message: string };

/** Messages with no field but their type: what a console section loads once when shown. */
type Plain = 'ui:diagnostics' | 'ui:nudge-stats';

/** Asks the background once, on mount, and follows the answer: loading, data or error. */
export function useRequest<T extends Plain>(type: T): Loaded<Responses[T]> {
  const [state, setState] = useState<Loaded<Responses[T]>>({ kind: 'loading' });
  useEffect(() => {
    request<T>({ type } as MessageOf<T>)
      .then((data) => setState({ kind: 'data', data }))
      .catch((e: Error) => setState({ kind: 'error', message: e.message }));
  }, [type]);
  return state;
}
