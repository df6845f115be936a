export { rollUpAccounts } from './account';
export { COMPONENTS, DEFAULT_SCORING, SCORING_VERSION, scoringSettings } from './defaults';
export { scoreUser } from './score';
export type * from './types';
