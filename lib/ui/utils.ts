/** Joins class names, skipping falsy ones (a two-line `clsx`). */
export function cn(...classes: (string | false | null | undefined)[]): string {
  return classes.filter(Boolean).join(' ');
}
