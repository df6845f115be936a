import { useEffect, useState } from 'preact/hooks';
import { request } from '@/lib/messaging';
import { parseMarkdown } from '@/lib/playbook/markdown';
import { parsePlaybook } from '@/lib/playbook/parse';
import type { Playbook } from '@/lib/playbook/schema';
import { describeTrigger, kindLabel, liftText } from './nudge-text';
import { useRequest } from './useRequest';

const pct = (n: number, of: number) => (of ? `${Math.round((100 * n) / of)}%` : '—');

/** What the user would see: the nudge's own words, as text, in a card like the widget's. */
function Preview({ nudge }: { nudge: Playbook['nudges'][number] }) {
  return (
    <div class="nudge-preview" data-testid="nudge-preview">
      <p class="muted">{kindLabel(nudge.kind)} as the user sees it (text only):</p>
      <div class="preview-card">
        <strong>{nudge.title}</strong>
        <p>
          {parseMarkdown(nudge.body).map((t, i) => (t.kind === 'bold' ? <strong key={i}>{t.text}</strong> : t.kind === 'italic' ? <em key={i}>{t.text}</em> : t.kind === 'link' ? <u key={i}>{t.text}</u> : t.text))}
        </p>
        {nudge.cta && <span class="button-like">{nudge.cta.label}</span>}
      </div>
    </div>
  );
}

/**
 * Does each nudge work? Shown against the held-out control group: conversion is the
 * nudge's target feature used within 7 days; lift is the difference in percentage points.
 */
export function NudgeStats() {
  const state = useRequest('ui:nudge-stats');
  const [pb, setPb] = useState<Playbook | null>(null);
  const [preview, setPreview] = useState<string | null>(null);
  useEffect(() => {
    request<'ui:get-playbook'>({ type: 'ui:get-playbook' }).then((info) => {
      const parsed = parsePlaybook(info.text);
      if (parsed.ok) setPb(parsed.playbook);
    });
  }, []);
  const defOf = (id: string) => pb?.nudges.find((n) => n.id === id);
  const nothingYet = state.kind === 'data' && state.data.stats.every((s) => s.eligible === 0);
  return (
    <section aria-labelledby="nudges-h" class="card">
      <h2 id="nudges-h">Nudges</h2>
      <p class="muted">
        Each nudge holds out a share of eligible users as a control ("would have shown"). Converted: its target feature used within 7 days. Lift:
        conversion when shown minus conversion when held out, in percentage points, with its 95% confidence interval.
      </p>
      {state.kind === 'loading' && <p aria-busy="true">Loading…</p>}
      {state.kind === 'error' && <p role="alert">Uptake could not load the nudge figures: {state.message}</p>}
      {state.kind === 'data' && state.data.stats.length === 0 && <p class="empty">This playbook has no nudges.</p>}
      {nothingYet && state.data.stats.length > 0 && (
        <p class="empty" data-testid="nudges-none-yet">
          No nudge has been due yet in this browser. A nudge becomes due when its trigger fires for a user in the app (below, for each one); from then on
          this table counts how often it was shown or held out, clicked, dismissed and followed by use of its feature.
        </p>
      )}
      {state.kind === 'data' && state.data.stats.length > 0 && (
        <div class="scroll">
          <table class="features nudges" data-testid="nudge-stats">
            <thead>
              <tr>
                <th scope="col">Nudge</th>
                <th scope="col">Trigger</th>
                <th scope="col">Eligible</th>
                <th scope="col">Shown</th>
                <th scope="col">Held out</th>
                <th scope="col">Clicked</th>
                <th scope="col">Dismissed</th>
                <th scope="col">Converted</th>
                <th scope="col">Lift</th>
                <th scope="col">
                  <span class="sr-only">Preview</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {state.data.stats.flatMap((s) => {
                const def = defOf(s.nudge);
                const row = (
                  <tr key={s.nudge} data-nudge={s.nudge}>
                    <th scope="row">
                      {s.name}
                      {def && <span class="kind">{kindLabel(def.kind)}</span>}
                    </th>
                    <td data-col="trigger">{def && pb ? describeTrigger(def.trigger, pb) : '—'}</td>
                    <td data-col="eligible">{s.eligible}</td>
                    <td data-col="shown">{s.shown}</td>
                    <td data-col="heldout">{s.heldOut}</td>
                    <td data-col="clicked">{s.clicked}</td>
                    <td data-col="dismissed">{s.dismissed}</td>
                    <td data-col="converted">
                      {s.converted} ({pct(s.converted, s.shown)}; control {pct(s.controlConverted, s.heldOut)})
                    </td>
                    <td data-col="lift">{liftText(s)}</td>
                    <td>
                      {def && (
                        <button type="button" class="secondary" aria-expanded={preview === s.nudge} aria-label={`Preview ${s.name}`} onClick={() => setPreview(preview === s.nudge ? null : s.nudge)}>
                          Preview
                        </button>
                      )}
                    </td>
                  </tr>
                );
                return preview === s.nudge && def
                  ? [
                      row,
                      <tr key={`${s.nudge}-preview`} class="preview-row">
                        <td colSpan={10}>
                          <Preview nudge={def} />
                        </td>
                      </tr>,
                    ]
                  : [row];
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
