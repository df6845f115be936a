import { useState } from 'preact/hooks';

/** Drop zone and file input for export files; both hand the files over the same way. */
export function FileDrop({ onFiles, busy }: { onFiles: (files: File[]) => void; busy: boolean }) {
  const [over, setOver] = useState(false);
  const pick = (e: Event) => {
    const input = e.currentTarget as HTMLInputElement;
    onFiles([...(input.files ?? [])]);
    // Cleared so choosing the same file again (after fixing it) fires a change.
    input.value = '';
  };
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: dropping is a mouse shortcut; the file input inside does the same from the keyboard.
    <div
      class={`drop${over ? ' over' : ''}`}
      data-testid="drop-zone"
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        onFiles([...(e.dataTransfer?.files ?? [])]);
      }}
    >
      <p>Drop Uptake export files here (JSON or CSV, as many as you like), or</p>
      <label class="button-like">
        Choose export files
        <input type="file" multiple accept=".json,.csv,application/json,text/csv" onChange={pick} />
      </label>
      {busy && <p aria-busy="true">Reading files…</p>}
    </div>
  );
}
