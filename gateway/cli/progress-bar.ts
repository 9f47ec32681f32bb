/**
 * Import progress for the terminal: a bar redrawn in place when stderr is a TTY, otherwise a plain line
 * now and then (logs and pipes get no control characters).
 */
export function progressBar(
  line: (l: string) => void,
  tty: { isTTY?: boolean; write(s: string): unknown } = process.stderr,
): (done: number, total: number) => void {
  if (!tty.isTTY)
    return (done, total) => {
      if (done === total || done % 100 < 2) line(`rij ${done}/${total}`);
    };
  return (done, total) => {
    const width = 30;
    const filled = total === 0 ? width : Math.round((done / total) * width);
    tty.write(`\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total}${done === total ? '\n' : ''}`);
  };
}
