/**
 * How deeply parsed JSON nests, measured without recursion: a file of 100,000 nested arrays parses
 * fine but overflows the stack of any recursive checker that walks it, so loaders refuse such a file
 * by name before validating it.
 */

/** The deepest nesting any of the project's files needs is under 10; this leaves room. */
export const JSON_DEPTH_LIMIT = 64;

/** True when `value` nests arrays or objects more than `limit` levels deep. */
export function jsonTooDeep(value: unknown, limit = JSON_DEPTH_LIMIT): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (depth > limit) return true;
    for (const child of Object.values(node)) if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
  }
  return false;
}
