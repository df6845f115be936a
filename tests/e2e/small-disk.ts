import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, rmSync, statfsSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A profile whose IndexedDB directory is a small tmpfs that a test fills to the last byte: writes
 * then fail as on a full disk, with the browser's own errors. Only IndexedDB is on it (extension
 * storage and the rest of the profile keep working, as when IndexedDB alone fails). The Storage
 * quota override (CDP) cannot do this: `unlimitedStorage` makes Chromium ignore it for our writes.
 * Mounting needs root (as CI runs).
 */
export function smallDisk(profileDir: string) {
  const dir = join(profileDir, 'Default', 'IndexedDB');
  const filler = join(dir, 'filler');
  mkdirSync(dir, { recursive: true });
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=16m', 'uptake-test', dir], { stdio: 'pipe' });
  } catch (error) {
    throw new Error(`the full-disk test mounts a tmpfs and needs root: ${(error as Error).message}`);
  }
  return {
    /** Writes until the file system has no byte left. */
    fill() {
      const fd = openSync(filler, 'a');
      try {
        for (const size of [1 << 20, 4096, 1]) {
          const chunk = Buffer.alloc(size);
          try {
            for (;;) writeSync(fd, chunk);
          } catch (error) {
            if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
          }
        }
      } finally {
        closeSync(fd);
      }
      return statfsSync(dir).bavail;
    },
    free: () => rmSync(filler, { force: true }),
    unmount: () => execFileSync('umount', ['-l', dir]),
  };
}
