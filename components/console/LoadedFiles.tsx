import type { ReviewState } from './useReview';

/** The files in the review, each removable; removing one re-merges the rest. */
export function LoadedFiles({ state }: { state: ReviewState }) {
  if (state.files.length === 0) return <p class="muted">No export files loaded yet.</p>;
  return (
    <div class="loaded">
      <h3 id="files-h">Loaded files</h3>
      <ul aria-labelledby="files-h" data-testid="loaded-files">
        {state.files.map((f, i) => (
          <li key={i}>
            <span class="file-name">{f.name}</span>{' '}
            <span class="muted">
              {f.format.toUpperCase()}, {f.records.length} {f.records.length === 1 ? 'record' : 'records'}
            </span>{' '}
            <button type="button" class="link" onClick={() => state.remove(i)} aria-label={`Remove ${f.name}`}>
              Remove
            </button>
          </li>
        ))}
      </ul>
      <button type="button" class="secondary" onClick={state.clear}>
        Remove all files
      </button>
    </div>
  );
}
