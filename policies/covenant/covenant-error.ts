/** One problem in a covenant file, pointing at where a privacy officer has to look. */
export interface CovenantIssue {
  file: string;
  line?: number;
  field: string;
  message: string;
}

/** A covenant that cannot be used; carries every issue found, not just the first. */
export class CovenantInvalid extends Error {
  constructor(readonly issues: CovenantIssue[]) {
    super(issues.map(formatIssue).join('\n'));
    this.name = 'CovenantInvalid';
  }
}

export function formatIssue(i: CovenantIssue): string {
  return `${i.file}${i.line ? `:${i.line}` : ''}: ${i.field}: ${i.message}`;
}
