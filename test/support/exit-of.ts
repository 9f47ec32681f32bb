import type { ChildProcess } from 'node:child_process';

/**
 * The exit code of a child process, once it has exited — also when it already had (an 'exit' listener
 * added afterwards would wait forever). Rejects after `ms`, so a process that does not stop fails the
 * test instead of hanging it.
 */
export function exitOf(child: ChildProcess, ms = 20_000): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`process ${child.pid} did not exit within ${ms} ms`)), ms);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}
