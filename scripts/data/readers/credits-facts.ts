/**
 * Readers for shared/data `credits/credits_facts.csv`: the derived long-format table with one row per
 * (film, source statement) about end-credit scenes. It is the main credits input because it already carries the
 * IMDb/TMDb ids the raw lists lack (matched by title+year against MovieLens/IMDb 5000/TMDB 5000, or order-aligned
 * with Kometa), and `id_match` says how each id was found.
 *
 * Provenance: one DatasetInput per underlying source, all pointing at the derived file. The derived file is only
 * a join; the facts, their licence and their age are those of the five raw sources, so each film's statements
 * name the real origin instead of "some derived CSV". The raw files add nothing the derived file lacks (checked:
 * every raw row is in it except non-films: 9 aftercredits mega-posts/no-year posts, 24 mediastinger.com video
 * games, 15 PMM video games), so they are not read for statements, only for per-statement dates.
 *
 * Per-row decisions:
 * - `source` display name is the site that made the statement ("aftercredits.com" also for the Kometa mirror of
 *   its stingers category, "mediastinger.com" also for the PMM list); the input says which copy we read.
 * - `url` only for http(s) URLs. The Kometa/PMM "github:owner/repo/file" values are repository paths, not the
 *   source's page for the film; the input's `origin` already names that repository at its commit.
 * - `idMatch` is kept verbatim (provenance of the id), `note` only for the non-prose notes the file has
 *   (aftercredits flags, Kometa tag lists). PMM's note holds TMDb's title when it differs from mediastinger's:
 *   that is a title, so it goes to `altTitles` (without its "(year)").
 * - `inconsistent_no_with_scene_flag` rows (aftercredits says "no" but files the post under During Credits) are
 *   kept exactly as the source states them: any=no, mid=yes. combineCredits() turns such a self-contradiction into
 *   a conflict on that position, so it is never shown as a silent "no" and never silently upgraded to "yes".
 * - Titles are the file's: lower-case keys for aftercredits.com/mediastinger.com rows (no properly cased title
 *   exists: cookiecheck's `title_display` is the same lower-case key with entities decoded), cased for rows
 *   titled via MovieLens/TMDb. The merge should prefer a cased title from another source. Rows of positive-only
 *   lists without a title (Kometa 50, PMM 13, TMDb 11) keep `title: ''`: they are joined by id only.
 */
import { CREDIT_EXTRAS, type CreditContent, type CreditExtra, type CreditStatement, type DatasetInput, type Tri } from '../../../lib/core/schema';
import { BuildReport, type SourceReader, type SourceRecord } from '../types';
import { type CsvRow, mapRows, parseImdbId, parseTmdbId, parseYear, readCsv, RowError } from './csv';

export const CREDITS_FACTS_FILE = 'credits/credits_facts.csv';
const KOMETA_UNION_FILE = 'raw/kometa_aftercredits/aftercredits_union.csv';
const PMM_FILE = 'raw/pmm_mediastingers/mediastingers.csv';
const AFTERCREDITS_INDEX_FILE = 'raw/cookiecheck_index/aftercredits_index.csv';

const TRI = new Set<string>(['yes', 'no', 'unknown']);

/** A yes/no/unknown cell; anything else makes the row unusable. */
export function parseTri(text: string, column: string): Tri {
  const t = text.trim();
  if (!TRI.has(t)) throw new RowError(`${column} is not yes/no/unknown: "${t}"`);
  return t as Tri;
}

/** Only real web pages become a statement's url (the file also holds "github:owner/repo/file" repo paths). */
export function httpUrl(text: string): string | undefined {
  const t = text.trim();
  return /^https?:\/\/\S+$/i.test(t) ? t : undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Sources of the derived file.

const FACTS_COLUMNS = [
  'title',
  'year',
  'imdb_id',
  'tmdb_id',
  'has_extra_scene',
  'mid_credits',
  'post_credits',
  'source',
  'source_url',
  'id_match',
  'note',
] as const;
type FactsRow = CsvRow<(typeof FACTS_COLUMNS)[number]>;

/** Lookups some sources need for per-statement dates, loaded once per read. */
interface Context {
  kometaLastSeen?: Map<string, string>;
  pmmAsOf?: Map<number, string>;
  /** mediastinger.com vote rating per TMDb id (the 2024 list, else the 2023 log). */
  pmmRating?: Map<number, number>;
  /** aftercredits.com post URL → its title, decoded from the raw index's key. */
  acTitle?: Map<string, string>;
}

interface FactsSource {
  /** The `source` column up to " (via …)", e.g. "aftercredits.com stingers category". */
  label: string;
  /**
   * What the source's row means, applied to the record the row became (see the readings below): the file states
   * each row in one shape for every source, the sources do not all mean the same by it.
   */
  reading?(record: SourceRecord, statement: CreditStatement, row: FactsRow, ctx: Context): void;
  /** Display name of the site that made the statement. */
  display: string;
  input: DatasetInput;
  /** When the source said it; falls back to `input.asOf`. */
  asOf(row: FactsRow, ctx: Context): string | undefined;
  load?(sourcesDir: string, report: BuildReport): Promise<Context>;
}

const AFTERCREDITS_URL_DATE = /^https?:\/\/aftercredits\.com\/(\d{4})\/(\d{2})\//;

const SOURCES: readonly FactsSource[] = [
  {
    label: 'aftercredits.com',
    display: 'aftercredits.com',
    input: {
      id: 'cookiecheck-aftercredits',
      file: CREDITS_FACTS_FILE,
      name: 'aftercredits.com verdicts (cookiecheck index)',
      origin:
        'realkose1/cookiecheck-data data/ac-index.json @5642e24 (syncedAt 2026-10-02), indexing aftercredits.com; ids joined in shared/data credits/credits_facts.csv',
      licence: 'not stated in the repository; facts from aftercredits.com (its terms apply)',
      asOf: '2026-10-02',
    },
    // The post's month is in its URL (/YYYY/MM/): closer to "when the source said it" than the feed's sync date.
    asOf: (row) => {
      const m = AFTERCREDITS_URL_DATE.exec(row.get('source_url').trim());
      return m ? `${m[1]}-${m[2]}` : undefined;
    },
    // The derived file's titles for these rows (and the index's own title_display) are its keys with the entity
    // codes half-decoded ("dumplin 8217", "resurrection'f 8217"): the key is decoded here instead.
    reading: (record, statement, _row, ctx) => {
      const display = statement.url === undefined ? undefined : ctx.acTitle?.get(statement.url);
      if (display) record.title = display;
      if (statement.url) record.title = titleWithSlugArticle(record.title, statement.url);
    },
    load: async (sourcesDir, report) => {
      const rows = await readCsv(sourcesDir, AFTERCREDITS_INDEX_FILE, report, ['title_key', 'source_url']);
      const acTitle = new Map<string, string>();
      for (const r of rows) {
        const url = r.get('source_url').trim();
        acTitle.set(url, decodeAftercreditsKey(r.get('title_key'), url));
      }
      return { acTitle };
    },
  },
  {
    label: 'mediastinger.com',
    display: 'mediastinger.com',
    input: {
      id: 'cookiecheck-mediastinger',
      file: CREDITS_FACTS_FILE,
      name: 'mediastinger.com verdicts (cookiecheck index)',
      origin:
        'realkose1/cookiecheck-data data/ms-index.json @01ae69c (syncedAt 2026-09-10), indexing mediastinger.com; ids joined in shared/data credits/credits_facts.csv',
      licence: 'not stated in the repository; facts from mediastinger.com (its terms apply)',
      asOf: '2026-09-10',
    },
    asOf: () => undefined,
    reading: (_record, statement) => readMediastingerAnswer(statement),
  },
  {
    label: 'aftercredits.com stingers category',
    display: 'aftercredits.com',
    input: {
      id: 'kometa-aftercredits',
      file: CREDITS_FACTS_FILE,
      name: 'aftercredits.com stingers category (Kometa AfterCredits list)',
      origin:
        'Kometa-Team/AfterCredits aftercredits.yml, union of 244 commits 2025-07-10..2026-08-22 (HEAD a2313a8); titles joined in shared/data credits/credits_facts.csv',
      licence: 'MIT (Kometa-Team/AfterCredits LICENSE); facts from aftercredits.com',
      asOf: '2026-08-22',
    },
    // The list held the film until its last snapshot (101 films were later removed): that is when it said so.
    asOf: (row, ctx) => ctx.kometaLastSeen?.get(row.get('imdb_id').trim()),
    reading: (record, statement, row) => {
      readAftercreditsTags(statement, tagsOfNote(row.get('note')));
      // Titles aligned from aftercredits.com's index are its keys, entity codes and all: decoded as its reader does.
      if (/title via aftercredits/.test(statement.idMatch ?? '')) record.title = decodeAftercreditsKey(record.title);
      // shared/data titled these entries from MovieLens: fine for joining them at build time, never to ship.
      if (/title via ml25m/.test(statement.idMatch ?? '')) record.titleHidden = true;
    },
    load: async (sourcesDir, report) => {
      const rows = await readCsv(sourcesDir, KOMETA_UNION_FILE, report, ['imdb_id', 'last_seen_snapshot']);
      const kometaLastSeen = new Map<string, string>();
      for (const r of rows) {
        const date = r.get('last_seen_snapshot').trim();
        if (/^\d{4}-\d{2}-\d{2}$/.test(date)) kometaLastSeen.set(r.get('imdb_id').trim(), date);
      }
      return { kometaLastSeen };
    },
  },
  {
    label: 'mediastinger.com movies-with-stingers list',
    display: 'mediastinger.com',
    input: {
      id: 'pmm-mediastingers',
      file: CREDITS_FACTS_FILE,
      name: 'mediastinger.com movies-with-stingers list (PMM-Mediastingers)',
      origin:
        'meisnate12/PMM-Mediastingers stingers.yml @8ea62ed (2024-03-24), titles from logs/stinger.log @502e249 (2023-03-04); ids joined in shared/data credits/credits_facts.csv',
      licence: 'MIT (meisnate12/PMM-Mediastingers LICENSE); facts from mediastinger.com',
      asOf: '2024-03-24',
    },
    // A film rated in the 2024 list was listed then; one only in the 2023 log (Hellboy 2019) was last listed then.
    asOf: (row, ctx) => ctx.pmmAsOf?.get(Number(row.get('tmdb_id').trim())),
    // Every film with any vote is on the list, negative ratings too: the rating decides what the entry is worth
    // (scripts/data/credit-measure.ts measures it against aftercredits.com's explicit answers).
    reading: (_record, statement, row, ctx) => {
      const rating = ctx.pmmRating?.get(Number(row.get('tmdb_id').trim()));
      if (rating !== undefined) statement.voteRating = rating;
    },
    load: async (sourcesDir, report) => {
      const rows = await readCsv(sourcesDir, PMM_FILE, report, [
        'tmdb_id',
        'mediastinger_rating_2023_03_04',
        'mediastinger_rating_2024_03_24',
      ]);
      const pmmAsOf = new Map<number, string>();
      const pmmRating = new Map<number, number>();
      for (const r of rows) {
        const id = Number(r.get('tmdb_id').trim());
        // Rows without a TMDb id are the video games the credits file also leaves out.
        if (!Number.isSafeInteger(id) || id <= 0) continue;
        const [asOf, rating] = r.get('mediastinger_rating_2024_03_24').trim()
          ? ['2024-03-24', r.get('mediastinger_rating_2024_03_24')]
          : ['2023-03-04', r.get('mediastinger_rating_2023_03_04')];
        if (!rating.trim()) continue;
        pmmAsOf.set(id, asOf);
        const value = Number(rating.trim());
        if (Number.isSafeInteger(value)) pmmRating.set(id, value);
      }
      return { pmmAsOf, pmmRating };
    },
  },
  {
    label: 'TMDb keywords duringcreditsstinger/aftercreditsstinger',
    display: 'TMDb keywords',
    input: {
      id: 'tmdb-keyword-stingers',
      file: CREDITS_FACTS_FILE,
      name: 'TMDb keywords duringcreditsstinger / aftercreditsstinger',
      origin:
        'Kaggle "The Movies Dataset" keywords.csv (~2017) via umaima84/Movie-Recommendation-System, plus TMDB 5000 keywords; ids joined in shared/data credits/credits_facts.csv',
      licence: 'CC0 on Kaggle (The Movies Dataset); not stated in the repository; TMDb data',
      asOf: '2017',
    },
    asOf: () => undefined,
  },
];

/** "aftercredits.com (via realkose1/… @5642e24)" → "aftercredits.com"; the commit is in the input's origin. */
export function sourceLabel(sourceColumn: string): string {
  const i = sourceColumn.indexOf(' (');
  return (i >= 0 ? sourceColumn.slice(0, i) : sourceColumn).trim();
}

const PRIMARY = SOURCES[0];

// ---------------------------------------------------------------------------------------------------------------
// Readings. Each is pinned on real rows in tests/unit/scripts/readers-credits.test.ts, and the agreement behind it
// is printed by `npm run data:audit`.

/**
 * mediastinger.com's "after the credits: yes" means "something during or after the credits": its pages answer the
 * one question for both (`npm run data:audit` counts, on the films both sites cover, its yes on 14 of
 * aftercredits.com's during-only films). So a yes has no position; its "no" stays what it is, no after-credits scene
 * (it says no on 12 films aftercredits.com files under During Credits only; on the 2 it files under After too, the
 * two sites really disagree, and the film shows it).
 */
function readMediastingerAnswer(statement: CreditStatement): void {
  if (statement.any === 'yes' && statement.post === 'yes' && statement.mid === 'unknown') statement.post = 'unknown';
}

/** aftercredits.com tags that name footage: a scene, outtakes, bloopers, behind-the-scenes footage, a fourth-wall bit. */
const FOOTAGE_TAGS: ReadonlySet<string> = new Set(['Bonus Scene', 'Outtake', 'Blooper', 'Behind the Scenes', 'Fourth Wall']);

/** aftercredits.com tags that name an extra, and which. Other tags (Sequel Setup, polls, Mega Post…) say neither. */
const EXTRA_TAGS: ReadonlyMap<string, CreditExtra> = new Map([
  ['Audio', 'audio'],
  ['Informative', 'text'],
  ['Still Images', 'stills'],
  ['Stills', 'stills'],
  ['Dedications/In Memoriam', 'dedication'],
  ['Musical', 'music'],
  ['Sunset Credit', 'credits-gag'],
  ['Humorous Credit', 'credits-gag'],
]);

/** "tags=After Credits|Audio; removed from latest snapshot" → ["After Credits", "Audio"]. */
export function tagsOfNote(note: string): string[] {
  const m = /^tags=([^;]*)/.exec(note.trim());
  return m?.[1] ? m[1].split('|').map((t) => t.trim()).filter(Boolean) : [];
}

/**
 * aftercredits.com files every post it lists under its categories During Credits, After Credits or Both; the Kometa
 * mirror carries them as tags, with tags for what is there. So:
 * - a category names the positions, and the absent one is a no, as in the cookiecheck index's flags for the same
 *   posts (which agree with the mirror's categories on every film both have);
 * - footage tags make it a scene, extra tags an extra; both named: `mixed` (which is where is not said).
 */
export function readAftercreditsTags(statement: CreditStatement, tags: readonly string[]): void {
  const set = new Set(tags);
  const both = set.has('Both During & After Credits');
  const during = both || set.has('During Credits');
  const after = both || set.has('After Credits');
  if (during || after) {
    statement.mid = during ? 'yes' : 'no';
    statement.post = after ? 'yes' : 'no';
  }
  const footage = tags.some((t) => FOOTAGE_TAGS.has(t));
  const extras = new Set<CreditExtra>();
  for (const t of tags) {
    const e = EXTRA_TAGS.get(t);
    if (e) extras.add(e);
  }
  let content: CreditContent | undefined;
  if (footage) content = extras.size > 0 ? 'mixed' : 'scene';
  else if (extras.size > 0) content = 'extras';
  if (content) statement.content = content;
  if (extras.size > 0) statement.extras = CREDIT_EXTRAS.filter((e) => extras.has(e));
}

/** WordPress entity codes the index leaves in its keys as bare numbers, and what they stand for. */
const KEY_ENTITIES: ReadonlyMap<string, string> = new Map([
  ['038', '&'],
  ['8211', '–'],
  ['8213', '―'],
  ['8216', "'"],
  ['8217', "'"],
  ['8230', '…'],
]);

/** Words after an apostrophe that belong to the word before it ("it 8217 s" is "it's", "don 8217 t" is "don't"). */
const CONTRACTIONS: ReadonlySet<string> = new Set(['s', 't', 're', 'll', 'd', 've', 'm']);

/** The slug of a post's URL, lower case: "matrix-the-1999" of ".../Matrix-The-1999/". */
function slugOf(url: string): string | undefined {
  return /\/([a-z0-9-]+)\/?$/.exec(url.toLowerCase())?.[1];
}

/**
 * An index key ("it 8217 s all so quiet", "waiting for 8216 superman 8217") as a title: the codes decoded where
 * they stand, an opening quote (8216) joined to the word after it, a closing one (8217) and an ellipsis to the word
 * before, and a contraction's tail to both. Only whole tokens are codes: "10 000 bc" keeps its number. And a code
 * the post's slug (`url`) also spells is the title's own number: WordPress drops entities from slugs, and of the 387
 * keys in the index with a code token exactly one has it in its slug, "8213 gacy house" (/8213-gacy-house-2010/,
 * the film "8213: Gacy House").
 */
export function decodeAftercreditsKey(key: string, url?: string): string {
  const out: string[] = [];
  const tokens = key.trim().split(/\s+/);
  const slug = new Set(url ? (slugOf(url) ?? '').split('-') : []);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] ?? '';
    const decoded = slug.has(token) ? undefined : KEY_ENTITIES.get(token);
    if (decoded === undefined) {
      out.push(token);
      continue;
    }
    const last = out.length - 1;
    if (token === '8216') {
      tokens[i + 1] = decoded + (tokens[i + 1] ?? '');
    } else if ((token === '8217' || token === '8230') && last >= 0) {
      const next = tokens[i + 1];
      if (token === '8217' && next !== undefined && CONTRACTIONS.has(next)) {
        out[last] = `${out[last] ?? ''}${decoded}${next}`;
        i++;
      } else out[last] = `${out[last] ?? ''}${decoded}`;
    } else out.push(decoded);
  }
  return out.join(' ');
}

/**
 * The index drops a leading article from its keys ("matrix"); the post's URL keeps it at the end of the slug
 * ("/matrix-the-1999/"). Restored only when the rest of the slug spells the same title, so a slug that differs
 * (a renamed post) never lends its words.
 */
export function titleWithSlugArticle(title: string, url: string): string {
  const slug = slugOf(url);
  const m = slug ? /^(.+)-(the|a|an)-\d{4}(?:-\d+)?$/.exec(slug) : null;
  if (!m?.[1] || !m[2]) return title;
  const slugOfTitle = title.toLowerCase().replace(/['’`]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return slugOfTitle === m[1] ? `${m[2]} ${title}` : title;
}

/** Notes that are the file's own flags/tags (non-prose); anything else is not copied. */
const NOTE_PATTERNS = [
  /^tags=[^\n]*$/,
  /^yes_but_no_mid_or_post_flag$/,
  /^inconsistent_no_with_scene_flag$/,
  /^mediastinger category: post-credits yes\/no only$/,
  /^\(added after 2023-03-04 log; title not in source\)$/,
];

/** PMM: "City of God (2002)" in `note` is TMDb's title when it differs from mediastinger's. */
const PMM_TMDB_TITLE = /^(.+) \((\d{4})\)$/;

/** One row → one record with one statement; a RowError skips the row (counted by mapRows). */
function rowToRecord(src: FactsSource, row: FactsRow, ctx: Context): SourceRecord {
  const any = parseTri(row.get('has_extra_scene'), 'has_extra_scene');
  const mid = parseTri(row.get('mid_credits'), 'mid_credits');
  const post = parseTri(row.get('post_credits'), 'post_credits');
  if (any === 'unknown' && mid === 'unknown' && post === 'unknown') throw new RowError('statement says nothing');
  const year = parseYear(row.get('year'), 'year');
  const imdbId = parseImdbId(row.get('imdb_id'), 'imdb_id');
  const tmdbId = parseTmdbId(row.get('tmdb_id'), 'tmdb_id');
  const title = row.get('title').trim();
  if (title === '' && imdbId === undefined && tmdbId === undefined) throw new RowError('no title and no id');

  const statement: CreditStatement = { source: src.display, any, mid, post, input: 0 };
  const url = httpUrl(row.get('source_url'));
  if (url) statement.url = url;
  statement.asOf = src.asOf(row, ctx) ?? src.input.asOf;
  const idMatch = row.get('id_match').trim();
  if (idMatch) statement.idMatch = idMatch;

  const record: SourceRecord = { inputId: src.input.id, line: row.line, title, credits: [statement] };
  const note = row.get('note').trim();
  const pmmTitle = src.input.id === 'pmm-mediastingers' ? PMM_TMDB_TITLE.exec(note) : null;
  if (pmmTitle?.[1] && pmmTitle[1] !== title) record.altTitles = [pmmTitle[1]];
  else if (note && NOTE_PATTERNS.some((p) => p.test(note))) statement.note = note;
  if (imdbId) record.imdbId = imdbId;
  if (tmdbId) record.tmdbId = tmdbId;
  if (year) record.year = year;
  src.reading?.(record, statement, row, ctx);
  return record;
}

async function readFacts(src: FactsSource, sourcesDir: string, report: BuildReport): Promise<SourceRecord[]> {
  const isPrimary = src === PRIMARY;
  // Rows no reader owns (wrong cell count, unknown source) are reported once, by the primary reader, not five
  // times: the others read the file with a throwaway report.
  const rows = await readCsv(sourcesDir, CREDITS_FACTS_FILE, isPrimary ? report : new BuildReport(), FACTS_COLUMNS);
  const ctx = src.load ? await src.load(sourcesDir, report) : {};
  const known = new Set(SOURCES.map((s) => s.label));
  const own = rows.filter((row) => {
    const label = sourceLabel(row.get('source'));
    if (isPrimary && !known.has(label)) report.skip(CREDITS_FACTS_FILE, row.line, `unknown source "${label}"`);
    return label === src.label;
  });
  return mapRows(own, CREDITS_FACTS_FILE, report, (row) => rowToRecord(src, row, ctx));
}

function factsReader(src: FactsSource): SourceReader {
  return { input: src.input, read: (sourcesDir, report) => readFacts(src, sourcesDir, report) };
}

const [ac, ms, kometa, pmm, tmdb] = SOURCES.map(factsReader) as [
  SourceReader,
  SourceReader,
  SourceReader,
  SourceReader,
  SourceReader,
];

/** aftercredits.com verdicts (explicit yes and no) from the cookiecheck index. Owns file-level row checks. */
export const cookiecheckAftercreditsReader: SourceReader = ac;
/** mediastinger.com verdicts from the cookiecheck index: after-credits category only. */
export const cookiecheckMediastingerReader: SourceReader = ms;
/** aftercredits.com stingers category mirrored by Kometa (positives only). */
export const kometaAftercreditsReader: SourceReader = kometa;
/** mediastinger.com movies-with-stingers list mirrored by PMM-Mediastingers (positives only, no position). */
export const pmmMediastingersReader: SourceReader = pmm;
/** TMDb during/after-credits stinger keywords, ~2017 (positives only). */
export const tmdbKeywordStingersReader: SourceReader = tmdb;

/** All readers of credits_facts.csv, primary first. */
export const creditsFactsReaders: readonly SourceReader[] = [ac, ms, kometa, pmm, tmdb];
