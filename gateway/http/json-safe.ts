/** What JSON makes of a value's type: dates become ISO strings. */
export type Jsonified<T> = T extends Date
  ? string
  : T extends (infer U)[]
    ? Jsonified<U>[]
    : T extends object
      ? { [K in keyof T]: Jsonified<T[K]> }
      : T;

/**
 * The JSON form of a value, as the client will receive it (Dates become ISO strings). Responses are
 * validated against the contract before serialisation, so handlers hand over exactly this shape.
 */
export function jsonSafe<T>(value: T): Jsonified<T> {
  return JSON.parse(JSON.stringify(value)) as Jsonified<T>;
}
