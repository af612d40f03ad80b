/** Saving files from the page: a blob handed to the browser's download, with a readable file name. */

/** Offers `content` as a download named `name`. */
export function downloadFile(name: string, content: BlobPart, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the data once the click is handled.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Reads a file the user picked as text. */
export function readTextFile(file: File): Promise<string> {
  return file.text();
}
