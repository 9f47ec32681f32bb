/**
 * The JSON form of a value, as the client will receive it (Dates become ISO strings). Responses are
 * validated against the contract before serialisation, so handlers hand over exactly this shape.
 */
export function jsonSafe<T>(value: T): unknown {
  return JSON.parse(JSON.stringify(value)) as unknown;
}
