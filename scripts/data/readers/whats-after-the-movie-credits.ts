/**
 * The credits half of raw/whats_after_the_movie/whats_after_the_movie.csv: the facts read off the "What's After
 * the Movie?" page this product was designed from (one film, Never Let Me Go 2010, "no end-credit scenes").
 * The ratings on the same row are another reader's ('whats-after-the-movie-ratings').
 *
 * The page's answer is a plain "No!" for end-credit scenes as a whole, so it becomes any/mid/post = no. The file
 * gives no page URL, so the statement has none (we do not guess one). asOf is the file's own `as_of` (the page
 * footer year).
 */
import type { CreditStatement, DatasetInput } from '../../../lib/core/schema';
import type { BuildReport, SourceReader, SourceRecord } from '../types';
import { mapRows, parseImdbId, parseYear, readCsv, RowError } from './csv';

const FILE = 'raw/whats_after_the_movie/whats_after_the_movie.csv';
const SOURCE_NAME = "What's After the Movie?";
const COLUMNS = ['title', 'year', 'imdb_id', 'end_credit_scenes', 'as_of'] as const;

const input: DatasetInput = {
  id: 'whats-after-the-movie',
  file: FILE,
  name: "What's After the Movie? film page (end-credit scenes)",
  origin: "What's After the Movie? film page for Never Let Me Go, read by hand (shared/data raw/whats_after_the_movie/README.md)",
  licence: 'not stated (facts read from the page)',
  asOf: '2024',
};

const AS_OF = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** "no" → nothing anywhere; "yes" → a scene whose position the file does not give. */
function verdictOf(text: string): Pick<CreditStatement, 'any' | 'mid' | 'post'> {
  const t = text.trim();
  if (t === 'no') return { any: 'no', mid: 'no', post: 'no' };
  if (t === 'yes') return { any: 'yes', mid: 'unknown', post: 'unknown' };
  throw new RowError(`end_credit_scenes is not yes/no: "${t}"`);
}

async function read(sourcesDir: string, report: BuildReport): Promise<SourceRecord[]> {
  const rows = await readCsv(sourcesDir, FILE, report, COLUMNS);
  return mapRows(rows, FILE, report, (row) => {
    const verdict = verdictOf(row.get('end_credit_scenes'));
    const year = parseYear(row.get('year'), 'year');
    const imdbId = parseImdbId(row.get('imdb_id'), 'imdb_id');
    const title = row.get('title').trim();
    if (title === '' && imdbId === undefined) throw new RowError('no title and no imdb_id');
    const asOf = row.get('as_of').trim();
    const statement: CreditStatement = {
      source: SOURCE_NAME,
      ...verdict,
      asOf: AS_OF.test(asOf) ? asOf : input.asOf,
      input: 0,
    };
    const record: SourceRecord = { inputId: input.id, line: row.line, title, credits: [statement] };
    if (imdbId) {
      record.imdbId = imdbId;
      // The README says the id is the one aftercredits.com / Kometa use for the same film: that is how it was tied.
      statement.idMatch = 'imdb id as used by aftercredits.com/Kometa (README)';
    }
    if (year) record.year = year;
    return record;
  });
}

/** Credits statement of the "What's After the Movie?" page (its ratings: input 'whats-after-the-movie-ratings'). */
export const whatsAfterTheMovieCreditsReader: SourceReader = { input, read };
