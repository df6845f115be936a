/** Prefix of the extension-storage keys under which each page keeps a copy of its unacknowledged events. */
export const OUTBOX_PREFIX = 'uptake-outbox:';
