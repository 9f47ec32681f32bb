/**
 * The `at …` lines of an error's stack, joined, for a log line: never the message, which for library
 * errors can quote the data they choked on and run over several lines (Prisma quotes the call, pg the row).
 */
export function stackFrames(err: Error, max: number): string | undefined {
  return err.stack
    ?.split('\n')
    .map((l) => l.trim())
    .filter((l) => l.startsWith('at '))
    .slice(0, max)
    .join(' | ');
}
