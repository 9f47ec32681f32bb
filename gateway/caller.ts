/** Who is acting: the partner and the employee inside it. */
export interface Caller {
  partner: { id: string; soort: string };
  actor: { id: string; rol: string };
}
