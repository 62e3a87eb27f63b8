/** A number as `locale` writes it ("1,234" / "1.234" / "7,1"); English where Intl refuses the tag. */
export function formatNumberIn(locale: string, n: number, options?: Intl.NumberFormatOptions): string {
  try {
    return new Intl.NumberFormat(locale, options).format(n);
  } catch {
    return new Intl.NumberFormat('en', options).format(n);
  }
}
