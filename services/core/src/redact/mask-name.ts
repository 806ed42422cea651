/** Chinese convention for a person's name in a masked view: the first character stays (`张三` → `张*`, `李小明` → `李**`). */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length <= 1) return chars.length ? '*' : '';
  return `${chars[0]}${'*'.repeat(Math.min(chars.length - 1, 3))}`;
}
