/**
 * raw/mcuapi: the MCU API's films (`movies.json`) and their credit scenes (`post-credit-scenes.json`), MIT.
 * What the files say, read as docs/data-sources.md describes them and as aftercredits.com's answers measure them
 * (`npm run data:audit` prints both measurements):
 * - For an MCU film (`is_mcu`) the API lists each scene: `is_stinger: true` plays during the credits (mid),
 *   `false` at the very end. Counted per position, these are the only scene counts any source gives.
 * - A scene "at the end" can be an epilogue that plays before the credits (the Stark scene of The Incredible Hulk),
 *   so the verdict lets an explicit "nothing after the credits" account for it (scripts/data/verdict.ts).
 * - An MCU film the API lists with no scene is a "no scene" answer (Avengers: Endgame: after its credits there is
 *   only a sound), about scenes only: extras stay open. A film not yet released says nothing.
 * - The Sony and Fox films it also lists (`is_mcu: false`) come with a count and no scenes: they are a second
 *   input, `mcuapi-other`, whose agreement the build measures on its own (its zeros disagree with aftercredits.com
 *   on many films), so it cannot lend the MCU entries' weight to them.
 * Each film becomes one record (tt id, title, release year, runtime) with one statement. Descriptions are spoilers
 * and prose: they are never read.
 */
import type { CreditStatement, DatasetInput } from '../../../lib/core/schema';
import { BuildReport, type SourceReader, type SourceRecord } from '../types';
import { mapRows, parseImdbId, readJsonArray, RowError } from './csv';
import { isRecord } from '../../../lib/core/guards';

const MOVIES_FILE = 'raw/mcuapi/movies.json';
const SCENES_FILE = 'raw/mcuapi/post-credit-scenes.json';
/** The snapshot's date: a film released later has not been seen by the API's authors. */
const AS_OF = '2026-08-20';
const ORIGIN = 'AugustoMarcelo/mcuapi data/movies.json + data/post-credit-scenes.json @dfd88a9 (2026-08-20)';
const MCUAPI_SOURCE = 'MCU API';

const mcuInput: DatasetInput = {
  id: 'mcuapi',
  file: MOVIES_FILE,
  name: 'MCU API: Marvel Cinematic Universe films and their credit scenes',
  origin: ORIGIN,
  licence: 'MIT (mcuapi package.json)',
  asOf: AS_OF,
};

const otherInput: DatasetInput = {
  id: 'mcuapi-other',
  file: MOVIES_FILE,
  name: 'MCU API: other Marvel films (Sony, Fox), scene counts without scenes',
  origin: ORIGIN,
  licence: 'MIT (mcuapi package.json)',
  asOf: AS_OF,
};

/** The file's objects (anything else in its array is ignored), and its text. */
async function readObjects(sourcesDir: string, file: string): Promise<{ items: Record<string, unknown>[]; text: string }> {
  const { items, text } = await readJsonArray(sourcesDir, file, 'expected a JSON array');
  return { items: items.filter(isRecord), text };
}

/** The physical line of each object's `"id": N` (the files are pretty-printed, one key per line). */
function idLines(text: string): Map<number, number> {
  const lines = new Map<number, number>();
  text.split('\n').forEach((line, i) => {
    const m = /^ {4}"id": (\d+),?$/.exec(line);
    if (m?.[1] && !lines.has(Number(m[1]))) lines.set(Number(m[1]), i + 1);
  });
  return lines;
}

/** is_stinger per scene, grouped by the film it belongs to. */
function scenesByMovie(scenes: readonly Record<string, unknown>[]): Map<number, boolean[]> {
  const out = new Map<number, boolean[]>();
  for (const s of scenes) {
    if (typeof s.movie_id !== 'number' || typeof s.is_stinger !== 'boolean') continue;
    out.set(s.movie_id, [...(out.get(s.movie_id) ?? []), s.is_stinger]);
  }
  return out;
}

interface Movie {
  line: number;
  isMcu: boolean;
  record: SourceRecord;
}

/** One film → its record, or a RowError (no tt id, not released by the snapshot, nothing to say). */
function movieRecord(m: Record<string, unknown>, line: number, scenes: readonly boolean[]): Movie {
  const imdbId = parseImdbId(typeof m.imdb_id === 'string' ? m.imdb_id : '', 'imdb_id');
  if (!imdbId) throw new RowError('no imdb_id');
  const title = typeof m.title === 'string' ? m.title.trim() : '';
  if (!title) throw new RowError('no title');
  const released = typeof m.release_date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(m.release_date) ? m.release_date : undefined;
  if (!released || released > AS_OF) throw new RowError('not released by the snapshot: its count says nothing yet');
  const count = typeof m.post_credit_scenes === 'number' && Number.isSafeInteger(m.post_credit_scenes) ? m.post_credit_scenes : undefined;
  if (count === undefined || count < 0) throw new RowError('post_credit_scenes is not a count');
  const isMcu = m.is_mcu === true;

  const statement: CreditStatement = { source: MCUAPI_SOURCE, any: 'unknown', mid: 'unknown', post: 'unknown', asOf: AS_OF, idMatch: 'source imdb_id', input: 0 };
  if (scenes.length > 0) {
    const during = scenes.filter((s) => s).length;
    const atEnd = scenes.length - during;
    statement.any = 'yes';
    statement.content = 'scene';
    if (during > 0) {
      statement.mid = 'yes';
      statement.midCount = during;
    }
    if (atEnd > 0) {
      statement.post = 'yes';
      statement.postCount = atEnd;
    }
  } else if (count === 0) {
    // "No scene": the voice reads it as about scenes only (scripts/data/credit-voices.ts).
    statement.any = 'no';
    statement.mid = 'no';
    statement.post = 'no';
  } else {
    // A count with no scenes listed: something at the end, position not given.
    statement.any = 'yes';
    statement.content = 'scene';
  }
  const record: SourceRecord = { inputId: isMcu ? mcuInput.id : otherInput.id, line, imdbId, title, year: Number(released.slice(0, 4)), kind: 'movie', credits: [statement] };
  if (typeof m.duration === 'number' && Number.isSafeInteger(m.duration) && m.duration > 0) record.runtime = m.duration;
  return { line, isMcu, record };
}

async function readMovies(sourcesDir: string, report: BuildReport): Promise<Movie[]> {
  const [{ items, text }, { items: scenes }] = await Promise.all([readObjects(sourcesDir, MOVIES_FILE), readObjects(sourcesDir, SCENES_FILE)]);
  const lines = idLines(text);
  const byMovie = scenesByMovie(scenes);
  const rows = items.map((m, i) => ({ m, line: typeof m.id === 'number' ? (lines.get(m.id) ?? i + 2) : i + 2 }));
  return mapRows(rows, MOVIES_FILE, report, ({ m, line }) => movieRecord(m, line, typeof m.id === 'number' ? (byMovie.get(m.id) ?? []) : []));
}

/**
 * Both inputs read the same two files; the MCU reader reports their rows (the other reads them with a throwaway
 * report, as the credits_facts readers do), so a skipped row is counted once.
 */
export const mcuapiReader: SourceReader = {
  input: mcuInput,
  read: async (sourcesDir, report) => (await readMovies(sourcesDir, report)).filter((m) => m.isMcu).map((m) => m.record),
};

export const mcuapiOtherReader: SourceReader = {
  input: otherInput,
  read: async (sourcesDir) => (await readMovies(sourcesDir, new BuildReport())).filter((m) => !m.isMcu).map((m) => m.record),
};
