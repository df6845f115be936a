import type { Feature } from '@/lib/playbook/schema';

/**
 * Pseudo-features a playbook uses internally (a guide-completion counter: every rule
 * `on: guide`). They count for scoring and milestones, never in a list shown to people.
 */
export const isInternalFeature = (f: Pick<Feature, 'detect'>) => f.detect.every((r) => r.on === 'guide');

/** Ids of the features a user or CSM should see, in playbook order. */
export const userFacingFeatureIds = (features: readonly Pick<Feature, 'id' | 'detect'>[]) => new Set(features.filter((f) => !isInternalFeature(f)).map((f) => f.id));

/** The summary with internal pseudo-features left out of its feature list. */
export function withoutInternal<S extends { features: { id: string }[] }>(summary: S, pb: { features: readonly Pick<Feature, 'id' | 'detect'>[] }): S {
  const shown = userFacingFeatureIds(pb.features);
  return { ...summary, features: summary.features.filter((f) => shown.has(f.id)) };
}
