import type { ExportFile } from './schema';

/** Kept apart from the reader so the popup's "Share my progress" does not ship the validation library. */
export function writeExportJson(file: ExportFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}
