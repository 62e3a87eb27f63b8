/**
 * What every source reader produces: one `SourceRecord` per usable row. Readers know their file's quirks; the
 * merge step (scripts/data/merge.ts) knows nothing about files.
 */
import type { CreditStatement, DatasetInput, FilmKind, Rating } from '../../lib/core/schema';

/** A reader's facts before merging. `input` is an index into the build's input table, set by the reader. */
export interface SourceRecord {
  /** Id of the input (DatasetInput.id) this row came from. */
  inputId: string;
  /** 1-based data line (header is line 1, first data row is line 2) so a merge can be traced to the file. */
  line: number;
  imdbId?: string;
  tmdbId?: number;
  title: string;
  /**
   * The title only joins records and checks ids; it is never shown or shipped (a Kometa entry titled from MovieLens,
   * which GroupLens forbids redistributing).
   */
  titleHidden?: boolean;
  originalTitle?: string;
  altTitles?: string[];
  year?: number;
  runtime?: number;
  kind?: FilmKind;
  /** `input` fields are filled in by the build from `inputId`; readers may leave them as 0. */
  ratings?: Rating[];
  credits?: CreditStatement[];
}

/** Thrown for a file that cannot be read at all (missing, wrong header): names file and line. */
export class DataError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    message: string,
  ) {
    super(`${file}:${line}: ${message}`);
    this.name = 'DataError';
  }
}

/** Collects skipped rows of known-dirty sources so the build can count them instead of crashing. */
export class BuildReport {
  readonly skipped = new Map<string, { count: number; examples: string[] }>();

  skip(file: string, line: number, reason: string): void {
    const entry = this.skipped.get(file) ?? { count: 0, examples: [] };
    entry.count++;
    if (entry.examples.length < 5) entry.examples.push(`line ${line}: ${reason}`);
    this.skipped.set(file, entry);
  }

  get skippedTotal(): number {
    let n = 0;
    for (const e of this.skipped.values()) n += e.count;
    return n;
  }
}

/** A reader: a declared input plus a function reading it from the sources folder. */
export interface SourceReader {
  input: DatasetInput;
  read(sourcesDir: string, report: BuildReport): Promise<SourceRecord[]>;
}
