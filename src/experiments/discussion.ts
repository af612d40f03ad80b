/**
 * Keeping the hand-written discussion (results/<profile>/DISCUSSION.md) tied to the generated numbers:
 * values written as `{{kind regime setting}}` are filled in from the tables (e.g. `{{success webshop grpo}}`,
 * `{{diff webshop grpo+empg − grpo}}`), and every decimal number typed by hand that the generated part
 * does not contain is listed, so a discussion written for earlier runs cannot pass for a current one.
 */

/** `{{key}}` → the generated value; unknown keys stay visible as `[no value: key]` and are returned. */
export function fillPlaceholders(text: string, values: Readonly<Record<string, string>>): { text: string; unknown: string[] } {
  const unknown: string[] = [];
  const filled = text.replace(/\{\{([^{}]+)\}\}/g, (_, raw: string) => {
    const key = normalizeKey(raw);
    if (key in values) return values[key];
    unknown.push(key);
    return `[no value: ${key}]`;
  });
  return { text: filled, unknown };
}

/** A value key with single spaces and `-` between settings written as `−`. */
export function normalizeKey(key: string): string {
  return key.trim().replace(/\s+/g, ' ').replace(/ - /g, ' − ');
}

/**
 * The decimal numbers of `discussion` (placeholders already filled) that `generated` does not contain,
 * sign ignored, each once. Integers are not checked (seed counts, iteration numbers, years).
 */
export function untracedNumbers(discussion: string, generated: string): string[] {
  const known = new Set(generated.match(/\d+\.\d+/g) ?? []);
  const found = discussion.match(/\d+\.\d+/g) ?? [];
  return [...new Set(found.filter((n) => !known.has(n)))];
}
