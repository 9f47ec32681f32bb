import { readdirSync, readFileSync } from 'node:fs';

/** utime + stime of every process whose command is `comm` or whose parent is one of `parents`, from /proc (Linux). */
export function cpuTicks(select: (p: { pid: number; ppid: number; comm: string }) => boolean): number {
  let ticks = 0;
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${name}/stat`, 'utf8');
    } catch {
      continue; // ended meanwhile
    }
    const close = stat.lastIndexOf(')');
    const comm = stat.slice(stat.indexOf('(') + 1, close);
    const fields = stat.slice(close + 2).split(' ');
    // After the command: state(0) ppid(1) … utime(11) stime(12)
    if (select({ pid: Number(name), ppid: Number(fields[1]), comm })) ticks += Number(fields[11]) + Number(fields[12]);
  }
  return ticks;
}
