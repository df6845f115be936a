import { useRef } from 'preact/hooks';

export interface TabDef<Id extends string> {
  id: Id;
  label: string;
}

/**
 * WAI-ARIA tab lists, one per group of sections: arrow keys, Home and End move
 * between all tabs and select them (automatic activation).
 */
export function Tabs<Id extends string>({ groups, selected, onSelect }: { groups: readonly TabGroup<Id>[]; selected: Id; onSelect: (id: Id) => void }) {
  const bar = useRef<HTMLDivElement>(null);
  // The arrow keys run through every group in order: one row of tabs, labelled in parts.
  const tabs = groups.flatMap((g) => g.tabs);
  const move = (e: KeyboardEvent) => {
    const i = tabs.findIndex((t) => t.id === selected);
    const next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: tabs.length - 1 }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    const tab = tabs[(next + tabs.length) % tabs.length]!;
    onSelect(tab.id);
    bar.current?.querySelector<HTMLElement>(`#tab-${tab.id}`)?.focus();
  };
  return (
    <div class="tab-groups" ref={bar}>
      {groups.map((g) => (
        <div class="tab-group" key={g.label}>
          <span class="tab-group-label" aria-hidden="true">
            {g.label}
          </span>
          <TabList tabs={g.tabs} selected={selected} onSelect={onSelect} label={g.label} onKeyDown={move} />
        </div>
      ))}
    </div>
  );
}

export interface TabGroup<Id extends string> {
  label: string;
  tabs: readonly TabDef<Id>[];
}

function TabList<Id extends string>({ tabs, selected, onSelect, label, onKeyDown }: { tabs: readonly TabDef<Id>[]; selected: Id; onSelect: (id: Id) => void; label: string; onKeyDown: (e: KeyboardEvent) => void }) {
  // A group without the selected tab still has one tab in the Tab order, so it can be reached.
  const focusable = tabs.some((t) => t.id === selected) ? selected : tabs[0]?.id;
  return (
    <div role="tablist" aria-label={label} class="tabs" onKeyDown={onKeyDown}>
      {tabs.map((t) => (
        <button
          type="button"
          role="tab"
          key={t.id}
          id={`tab-${t.id}`}
          aria-selected={t.id === selected}
          // Only the selected tab's panel exists, so only it is referenced.
          aria-controls={t.id === selected ? `panel-${t.id}` : undefined}
          tabIndex={t.id === focusable ? 0 : -1}
          onClick={() => onSelect(t.id)}
        >
          {t.label}
        </button>
      ))}
    </div>
  );
}
