/**
 * A word-level tokenizer over a closed vocabulary built from the environments' own texts.
 *
 * Text is lower-cased and split into runs of letters and digits and single punctuation marks, so
 * `click[buy now]` is `click [ buy now ]` and `cabinet 12` is `cabinet 12`. Ids are deterministic: the
 * special tokens first, then the words in code-point order. The vocabulary is saved with every checkpoint.
 */

/** Special tokens, always ids 0–3. */
export const PAD = '<pad>';
export const BOS = '<bos>';
export const EOS = '<eos>';
export const UNK = '<unk>';
/** Ids of the special tokens. */
export const PAD_ID = 0;
export const BOS_ID = 1;
export const EOS_ID = 2;
export const UNK_ID = 3;
const SPECIALS = [PAD, BOS, EOS, UNK];

const WORD = /[a-z0-9]+|[^\sa-z0-9]/g;
/** Punctuation written without a space before it when tokens are joined back into text. */
const NO_SPACE_BEFORE = new Set(['[', ']', ',', '.', '/', ':', ';', '!', '?', ')', "'"]);
/** Punctuation written without a space after it. */
const NO_SPACE_AFTER = new Set(['[', '/', '(', '$']);

/** Splits text into the tokenizer's words (lower-cased). */
export function splitWords(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

/** Joins words back into text, undoing `splitWords` for action strings (`click[buy now]`, `in/on`). */
export function joinWords(words: readonly string[]): string {
  let text = '';
  words.forEach((word, i) => {
    if (i > 0 && !NO_SPACE_BEFORE.has(word) && !NO_SPACE_AFTER.has(words[i - 1])) text += ' ';
    text += word;
  });
  return text;
}

/** The serialised form stored in checkpoints. */
export interface TokenizerJson {
  words: string[];
}

/** Maps words to ids and back. */
export class Tokenizer {
  /** Every token, id = index. */
  readonly words: readonly string[];
  private readonly ids: Map<string, number>;

  /** Builds from a word list that starts with the four special tokens. */
  constructor(words: readonly string[]) {
    SPECIALS.forEach((s, i) => {
      if (words[i] !== s) throw new Error(`tokenizer: id ${i} must be ${s}, got ${words[i]}`);
    });
    this.words = words;
    this.ids = new Map(words.map((w, i) => [w, i]));
    if (this.ids.size !== words.length) throw new Error('tokenizer: duplicate words in the vocabulary');
  }

  /** Builds the vocabulary of every word that occurs in `texts`. */
  static fromTexts(texts: Iterable<string>): Tokenizer {
    const words = new Set<string>();
    for (const text of texts) for (const w of splitWords(text)) words.add(w);
    for (const s of SPECIALS) words.delete(s);
    return new Tokenizer([...SPECIALS, ...[...words].sort()]);
  }

  /** Restores a tokenizer saved with `toJSON`. */
  static fromJSON(json: TokenizerJson): Tokenizer {
    return new Tokenizer(json.words);
  }

  /** Number of tokens. */
  get size(): number {
    return this.words.length;
  }

  /** Token ids of a text; unknown words become `<unk>`. */
  encode(text: string): number[] {
    return splitWords(text).map((w) => this.ids.get(w) ?? UNK_ID);
  }

  /** The id of one word, or `<unk>`. */
  idOf(word: string): number {
    return this.ids.get(word) ?? UNK_ID;
  }

  /** Text of a list of ids (special tokens dropped). */
  decode(ids: readonly number[]): string {
    return joinWords(ids.filter((id) => id > UNK_ID).map((id) => this.words[id] ?? UNK));
  }

  /** The serialised vocabulary. */
  toJSON(): TokenizerJson {
    return { words: [...this.words] };
  }
}
