/**
 * Splits streamed text into lines without holding the whole file: feed it chunks as they arrive, and it
 * calls back once per complete line with its 1-based line number. Handles `\n` and `\r\n` endings, a
 * last line without a newline, and a byte-order mark at the start.
 */

/** Receives one line (without its line ending) and its 1-based number. */
export type LineHandler = (line: string, lineNumber: number) => void;

/** A push-style line splitter. */
export class LineSplitter {
  private rest = '';
  private lineNumber = 0;
  private started = false;

  /** @param onLine called for every line, blank ones included, in order. */
  constructor(private readonly onLine: LineHandler) {}

  /** Feeds the next piece of text. */
  push(chunk: string): void {
    let text = this.rest + chunk;
    if (!this.started && text.length > 0) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    let start = 0;
    for (let end = text.indexOf('\n', start); end !== -1; end = text.indexOf('\n', start)) {
      const line = end > start && text.charCodeAt(end - 1) === 13 ? text.slice(start, end - 1) : text.slice(start, end);
      this.onLine(line, ++this.lineNumber);
      start = end + 1;
    }
    this.rest = text.slice(start);
  }

  /** Flushes the last line when the file does not end with a newline. */
  end(): void {
    if (this.rest.length > 0) this.onLine(this.rest.endsWith('\r') ? this.rest.slice(0, -1) : this.rest, ++this.lineNumber);
    this.rest = '';
  }

  /** How many lines were emitted so far. */
  get lines(): number {
    return this.lineNumber;
  }
}
