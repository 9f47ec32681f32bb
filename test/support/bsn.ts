/** The n-th valid test BSN (elfproef), from a range no real person has (starting 9999…). */
export function testBsn(n: number): string {
  for (let candidate = 999_900_000 + n * 17; ; candidate++) {
    const digits = String(candidate).split('').map(Number);
    const sum = digits.slice(0, 8).reduce((s, d, i) => s + d * (9 - i), 0) - digits[8]!;
    if (sum % 11 === 0) return String(candidate);
  }
}
