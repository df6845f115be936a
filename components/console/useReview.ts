import { useState } from 'preact/hooks';
import { type ImportResult, checkSize, importExport } from '@/lib/export/import';
import { type LoadedFile, type Merged, mergeExports } from '@/lib/export/merge';
import { type Review, buildReview } from '@/lib/export/review';

export interface LoadedExport extends LoadedFile {
  format: 'json' | 'csv';
}

export interface FileProblem {
  file: string;
  message: string;
}

export interface ReviewData {
  files: LoadedExport[];
  /** Problems of the files added last; earlier files stay loaded whatever happens. */
  problems: FileProblem[];
  merged: Merged;
  review: Review;
  busy: boolean;
}

export interface ReviewState extends ReviewData {
  add: (files: readonly File[]) => Promise<void>;
  remove: (index: number) => void;
  clear: () => void;
}

/** Performance marks the benchmark reads: files picked → merged and rolled up → table on screen. */
export const MARK = { picked: 'uptake:review:picked', merged: 'uptake:review:merged', rendered: 'uptake:review:rendered' } as const;

const derive = (files: LoadedExport[], problems: FileProblem[]): ReviewData => {
  const merged = mergeExports(files);
  return { files, problems, merged, review: buildReview(merged.records.map((m) => m.record)), busy: false };
};

async function read(file: File): Promise<ImportResult> {
  const tooBig = checkSize(file.name, file.size);
  if (tooBig) return tooBig;
  try {
    return importExport(file.name, await file.text());
  } catch (e) {
    return { ok: false, file: file.name, message: `could not be read: ${(e as Error).message}` };
  }
}

/** The review's loaded files and what they merge into. Lives in the console, so switching tabs keeps it. */
export function useReview(): ReviewState {
  const [data, setData] = useState<ReviewData>(() => derive([], []));
  const add = async (picked: readonly File[]) => {
    if (picked.length === 0) return;
    performance.mark(MARK.picked);
    setData((d) => ({ ...d, busy: true }));
    const results = await Promise.all(picked.map(read));
    const good = results.flatMap((r): LoadedExport[] => (r.ok ? [{ name: r.file, format: r.format, records: r.records }] : []));
    const problems = results.flatMap((r) => (r.ok ? [] : [{ file: r.file, message: r.message }]));
    setData((d) => {
      const next = derive([...d.files, ...good], problems);
      performance.mark(MARK.merged);
      return next;
    });
  };
  return {
    ...data,
    add,
    remove: (index) => setData((d) => derive(d.files.filter((_, i) => i !== index), d.problems)),
    clear: () => setData(derive([], [])),
  };
}
