import { useRef } from 'preact/hooks';

export interface TabDef<Id extends string> {
  id: Id;
  label: string;
}

/**
 * A WAI-ARIA tab list: arrow keys, Home and End move between tabs and select them
 * (automatic activation); only the selected tab is in the Tab order.
 */
export function Tabs<Id extends string>({ tabs, selected, onSelect, label }: { tabs: readonly TabDef<Id>[]; selected: Id; onSelect: (id: Id) => void; label: string }) {
  const list = useRef<HTMLDivElement>(null);
  const move = (e: KeyboardEvent) => {
    const i = tabs.findIndex((t) => t.id === selected);
    const next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: tabs.length - 1 }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    const tab = tabs[(next + tabs.length) % tabs.length]!;
    onSelect(tab.id);
    list.current?.querySelector<HTMLElement>(`#tab-${tab.id}`)?.focus();
  };
  return (
    <div role="tablist" aria-label={label} class="tabs" ref={list} onKeyDown={move}>
      {tabs.map((t) => (
        <button
          type="button"
          role="tab"
          key={t.id}
          id={`tab-${t.id}`}
          aria-selected={t.id === selected}
          // Only the selected tab's panel exists, so only it is referenced.
          aria-controls={t.id === selected ? `panel-${t.id}` : undefined}
          tabIndex={t.id === selected ? 0 : -1}
          onClick={() => onSelect(t.id)}
        >
          {t.label}
        </button>
      ))}
    </div>
  );
}
