const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40) || 'unknown';

const localDay = (ts: number) => {
  const d = new Date(ts);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/** e.g. "uptake-tasklane-2026-11-23.csv", or "uptake-tasklane-maria-2026-11-23.json" for one user: safe on every file system. */
export function exportFileName(kind: { app: string; user?: string; what?: string }, ext: 'json' | 'csv', now: number): string {
  const parts = ['uptake', kind.what, kind.app, kind.user].filter((p): p is string => Boolean(p)).map(slug);
  return `${parts.join('-')}-${localDay(now)}.${ext}`;
}
