import { useEffect, useState } from 'preact/hooks';
import { request } from '@/lib/messaging';

/** "Uptake can't save right now: …" while storage fails (events wait in the pages' outboxes); checked every few seconds. */
export function StorageWarning() {
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const check = () =>
      request<'ui:health'>({ type: 'ui:health' }).then(
        (h) => setError(h.storage?.error ?? null),
        () => undefined,
      );
    void check();
    const timer = setInterval(check, 3000);
    return () => clearInterval(timer);
  }, []);
  if (!error) return null;
  return (
    <p role="alert" class="storage-warning" data-testid="storage-warning">
      Uptake can't save right now: {error}. Your activity is kept in the open pages and saved once storage works again.
    </p>
  );
}
