import { useRequest } from './useRequest';

const pct = (n: number, of: number) => (of ? `${Math.round((100 * n) / of)}%` : '—');

/**
 * Does each nudge work? Shown against the held-out control group: conversion is the
 * nudge's target feature used within 7 days; lift is the difference in percentage points.
 */
export function NudgeStats() {
  const state = useRequest('ui:nudge-stats');
  return (
    <section aria-labelledby="nudges-h" class="card">
      <h2 id="nudges-h">Nudges</h2>
      <p class="muted">
        Each nudge holds out a share of eligible users as a control ("would have shown"). Converted: its target feature used within 7 days. Lift: conversion
        when shown minus conversion when held out, in percentage points.
      </p>
      {state.kind === 'loading' && <p aria-busy="true">Loading…</p>}
      {state.kind === 'error' && <p role="alert">Uptake could not load the nudge figures: {state.message}</p>}
      {state.kind === 'data' && state.data.stats.length === 0 && <p class="empty">This playbook has no nudges.</p>}
      {state.kind === 'data' && state.data.stats.length > 0 && (
        <table class="features" data-testid="nudge-stats">
          <thead>
            <tr>
              <th scope="col">Nudge</th>
              <th scope="col">Eligible</th>
              <th scope="col">Shown</th>
              <th scope="col">Held out</th>
              <th scope="col">Clicked</th>
              <th scope="col">Dismissed</th>
              <th scope="col">Converted</th>
              <th scope="col">Lift</th>
            </tr>
          </thead>
          <tbody>
            {state.data.stats.map((s) => (
              <tr key={s.nudge} data-nudge={s.nudge}>
                <th scope="row">{s.name}</th>
                <td data-col="eligible">{s.eligible}</td>
                <td data-col="shown">{s.shown}</td>
                <td data-col="heldout">{s.heldOut}</td>
                <td data-col="clicked">{s.clicked}</td>
                <td data-col="dismissed">{s.dismissed}</td>
                <td data-col="converted">
                  {s.converted} ({pct(s.converted, s.shown)}; control {pct(s.controlConverted, s.heldOut)})
                </td>
                <td data-col="lift">{s.lift === null ? '—' : `${s.lift > 0 ? '+' : ''}${s.lift} pts`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
