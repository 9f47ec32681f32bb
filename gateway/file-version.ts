import type { Stats } from 'node:fs';

/**
 * What says a watched file changed: not the modification time alone — a copy that keeps times
 * (cp -p, rsync -t, tar) or a file system counting whole seconds would keep the old contents in force;
 * the change time cannot be set back, and a replaced file has a new inode.
 */
export function fileVersion(stat: Pick<Stats, 'mtimeMs' | 'ctimeMs' | 'size' | 'ino'>): string {
  return `${stat.mtimeMs}:${stat.ctimeMs}:${stat.size}:${stat.ino}`;
}
