/**
 * A file's bytes, held until its reader takes them (issue 34: never more than two copies of a large
 * file at once). A reader that decodes them to text takes them, so they go as soon as it has, rather
 * than lasting through the parse beside the text and what is made of it.
 */
export class FileBytes {
  readonly length: number;
  private bytes: Uint8Array | undefined;

  constructor(bytes: Uint8Array) {
    this.bytes = bytes;
    this.length = bytes.length;
  }

  /** The bytes, to look at without keeping (the format, a count before parsing). */
  peek(): Uint8Array {
    if (!this.bytes) throw new Error('the file was already read');
    return this.bytes;
  }

  /** The bytes, for reading once: this no longer holds them. */
  take(): Uint8Array {
    const bytes = this.peek();
    this.bytes = undefined;
    return bytes;
  }
}
