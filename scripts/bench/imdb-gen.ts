/**
 * Full-size synthetic IMDb dumps for the scale benchmarks (issue #6): title.ratings.tsv.gz (1.6 M rows),
 * title.basics.tsv.gz (12 M rows) and title.akas.tsv.gz (50 M rows) with the exact headers and value shapes of the
 * real dumps (the sample in shared/data/raw/imdb_tsv_sample): `\N` for null, tab separated with no quoting, genres
 * as a sorted comma list, isAdult 0/1, ratings with one decimal, akas numbered per title with regions, languages,
 * types and attributes. The ids run tt0000001, tt0000002, … in order, as in the real files.
 *
 * The shape of the catalogue follows the real one: about 73 % tvEpisode, 9 % short, 6 % movie, then video,
 * tvSeries, tvMovie, tvMiniSeries, tvSpecial, videoGame, tvShort, tvPilot; about one title in seven rated, with a
 * long-tailed vote count (median around 20, maximum about 3 M) so that roughly 55 k titles reach 1,000 votes, most
 * of them films; about 4 akas per title (films many more, episodes fewer). Titles are obviously synthetic (made-up
 * words such as "The Last Varendo of Kelmith", episodes "Episode #3.12") but have the word statistics of real
 * titles — a few very common words ("The", "of", "Love", "Night"), a long tail of rare ones — so a search index
 * sees realistic posting lists; some contain `"` or `'`, and many original and localized titles are non-ASCII
 * (accented Latin, Cyrillic, Greek, katakana).
 *
 * Everything streams: one title's lines at a time are generated and written through gzip (level 2 by default:
 * the point is speed, not size) to a temporary name, renamed when complete. A stamp file records the parameters;
 * a second run with the same parameters and the three files present does nothing. The output lives outside the
 * repository: `${os.tmpdir()}/credits-cue-bench/imdb-full/` unless told otherwise.
 *
 * CLI: `npx tsx scripts/bench/imdb-gen.ts [--out DIR] [--scale 1] [--force]`. `--scale 0.01` makes a 1 % version
 * (120 k basics rows) for quick checks; its default folder is `imdb-scale-0.01` beside `imdb-full`.
 */
import { once } from 'node:events';
import { createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createGzip, type Gzip } from 'node:zlib';
import { seededRandom, runWhenMain } from './bench-utils';
import { KEEP_MIN_VOTES } from '../../lib/core/imdb-rows';

/** Bump when the generated content changes, so stale files are regenerated. */
const GENERATOR_VERSION = 1;

export const FULL_BASICS_ROWS = 12_000_000;
export const FULL_RATINGS_ROWS = 1_600_000;
export const FULL_AKAS_ROWS = 50_000_000;

export const IMDB_GEN_HEADERS = {
  ratings: 'tconst\taverageRating\tnumVotes',
  basics: 'tconst\ttitleType\tprimaryTitle\toriginalTitle\tisAdult\tstartYear\tendYear\truntimeMinutes\tgenres',
  akas: 'titleId\tordering\ttitle\tregion\tlanguage\ttypes\tattributes\tisOriginalTitle',
} as const;

export interface ImdbGenOptions {
  /** Output folder (default: defaultImdbGenDir(scale)). */
  out?: string;
  /** 1 = full size (12 M titles). Default 1. */
  scale?: number;
  /** gzip level, 1–9. Default 2. */
  gzipLevel?: number;
  /** PRNG seed. Default 20261122. */
  seed?: number;
  /** Regenerate even when a matching stamp exists. */
  force?: boolean;
  /** Progress lines on stderr. */
  log?: (line: string) => void;
}

/** A film the pipeline and the browser import keep on votes alone (movie/tvMovie, not adult, ≥ 1,000 votes). */
export interface GeneratedFilm {
  id: string;
  title: string;
  year?: number;
  votes: number;
}

export interface ImdbGenResult {
  dir: string;
  files: { ratings: string; basics: string; akas: string };
  /** Data rows per file (headers not counted). */
  rows: { ratings: number; basics: number; akas: number };
  /** Titles per titleType. */
  byType: Record<string, number>;
  /** Rated titles with at least 1,000 votes, all types. */
  ratedOver1000: number;
  /** Non-adult movie/tvMovie with at least 1,000 votes: what a bulk import keeps. */
  bulkFilms: number;
  /** A deterministic sample of those films (for search and lookup benchmarks). */
  sample: GeneratedFilm[];
  /** True when the files were already there (stamp matched) and nothing was written. */
  reused: boolean;
  seconds: number;
}

interface Stamp {
  params: { version: number; scale: number; gzipLevel: number; seed: number };
  result: Omit<ImdbGenResult, 'reused' | 'seconds' | 'dir' | 'files'>;
  bytes: { ratings: number; basics: number; akas: number };
}

export function defaultImdbGenDir(scale = 1): string {
  return join(tmpdir(), 'credits-cue-bench', scale === 1 ? 'imdb-full' : `imdb-scale-${scale}`);
}

const STAMP_FILE = 'imdb-gen-stamp.json';

// ---------------------------------------------------------------------------------------------------------------
// Vocabulary.

/** The most frequent words of real titles first: the head of the word distribution. */
const COMMON_WORDS = [
  'Love', 'Night', 'Man', 'Life', 'Day', 'Story', 'World', 'Last', 'Dead', 'Girl', 'House', 'Time', 'Little', 'Black',
  'Blood', 'King', 'Dark', 'Christmas', 'Home', 'Lost', 'Secret', 'City', 'War', 'Death', 'Red', 'Dream', 'Street',
  'Family', 'Heart', 'Women', 'Boy', 'Road', 'Island', 'Summer', 'Murder', 'Killer', 'Ghost', 'Wild', 'Game',
  'Return', 'Queen', 'Brother', 'Sister', 'Angel', 'Devil', 'Moon', 'Star', 'Fire', 'Water', 'Last', 'Big',
];
const SYLLABLES = [
  'ka', 'ren', 'dor', 'vel', 'mi', 'tha', 'lo', 'quen', 'sar', 'bri', 'ton', 'el', 'va', 'mor', 'di', 'nex', 'ul',
  'fa', 'gri', 'shan', 'po', 'ret', 'zin', 'am', 'or', 'cal', 'ves', 'thu', 'ne', 'bar', 'li', 'osk', 'ra', 'dem',
  'yl', 'ka', 'vor', 'sen', 'tal', 'mun', 'ber', 'ith', 'go', 'ras', 'fen', 'lum', 'pa', 'ser', 'wyn', 'do',
];
/** Distinct made-up words; the vocabulary is COMMON_WORDS then these. */
const MADE_UP_WORDS = 40_000;

function buildVocabulary(random: () => number): string[] {
  const seen = new Set<string>(COMMON_WORDS);
  const words = [...COMMON_WORDS];
  while (words.length < COMMON_WORDS.length + MADE_UP_WORDS) {
    const n = 2 + Math.floor(random() * 3);
    let w = '';
    for (let i = 0; i < n; i++) w += SYLLABLES[Math.floor(random() * SYLLABLES.length)] ?? 'ka';
    w = w.charAt(0).toUpperCase() + w.slice(1);
    if (seen.has(w)) continue;
    seen.add(w);
    words.push(w);
  }
  return words;
}

const ACCENTS: Readonly<Record<string, string>> = { a: 'á', e: 'é', i: 'í', o: 'ö', u: 'ü', n: 'ñ', c: 'ç', s: 'ś', r: 'ř', l: 'ł' };
const CYRILLIC: Readonly<Record<string, string>> = {
  a: 'а', b: 'б', c: 'ц', d: 'д', e: 'е', f: 'ф', g: 'г', h: 'х', i: 'и', k: 'к', l: 'л', m: 'м', n: 'н', o: 'о',
  p: 'п', q: 'к', r: 'р', s: 'с', t: 'т', u: 'у', v: 'в', w: 'в', x: 'кс', y: 'ы', z: 'з',
};
const GREEK: Readonly<Record<string, string>> = {
  a: 'α', b: 'β', c: 'κ', d: 'δ', e: 'ε', f: 'φ', g: 'γ', h: 'η', i: 'ι', k: 'κ', l: 'λ', m: 'μ', n: 'ν', o: 'ο',
  p: 'π', q: 'κ', r: 'ρ', s: 'σ', t: 'τ', u: 'υ', v: 'β', w: 'ω', x: 'ξ', y: 'υ', z: 'ζ',
};
const KATAKANA = ['カ', 'レ', 'ド', 'ベ', 'ミ', 'タ', 'ロ', 'ク', 'サ', 'ブ', 'ト', 'エ', 'バ', 'モ', 'ディ', 'ネ', 'ウ', 'ファ', 'グ', 'シャ', 'ポ', 'ン', 'ー'];

function mapLetters(text: string, table: Readonly<Record<string, string>>, upperFirst: boolean): string {
  let out = '';
  for (const ch of text.toLowerCase()) out += table[ch] ?? ch;
  return upperFirst ? out.charAt(0).toUpperCase() + out.slice(1) : out;
}

function accented(text: string, random: () => number): string {
  let out = '';
  for (const ch of text) out += random() < 0.25 ? (ACCENTS[ch] ?? ch) : ch;
  return out;
}

function katakana(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i += 2) out += KATAKANA[(text.charCodeAt(i) * 7 + (text.charCodeAt(i + 1) || 0)) % KATAKANA.length] ?? 'カ';
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// The catalogue's shape.

interface TypeSpec {
  type: string;
  /** Share of all titles. */
  share: number;
  /** Probability a title of this type is rated. */
  rated: number;
  /** Pareto tail exponent of its vote count (smaller = heavier tail = more votes). */
  tail: number;
  adult: number;
  /** Mean akas per title. */
  akas: number;
  /** Runtime range in minutes (null share separate). */
  runtime: [number, number];
}

const TYPES: readonly TypeSpec[] = [
  { type: 'tvEpisode', share: 0.73, rated: 0.085, tail: 0.92, adult: 0.002, akas: 3.55, runtime: [5, 70] },
  { type: 'short', share: 0.088, rated: 0.17, tail: 0.9, adult: 0.005, akas: 3.2, runtime: [1, 40] },
  { type: 'movie', share: 0.06, rated: 0.47, tail: 0.39, adult: 0.03, akas: 12, runtime: [60, 200] },
  { type: 'video', share: 0.026, rated: 0.25, tail: 0.8, adult: 0.2, akas: 3, runtime: [10, 150] },
  { type: 'tvSeries', share: 0.024, rated: 0.42, tail: 0.62, adult: 0.003, akas: 5, runtime: [10, 70] },
  { type: 'tvMovie', share: 0.013, rated: 0.45, tail: 0.7, adult: 0.01, akas: 5, runtime: [50, 150] },
  { type: 'tvMiniSeries', share: 0.0055, rated: 0.5, tail: 0.6, adult: 0.002, akas: 5, runtime: [30, 600] },
  { type: 'tvSpecial', share: 0.0045, rated: 0.4, tail: 0.8, adult: 0.001, akas: 3, runtime: [20, 180] },
  { type: 'videoGame', share: 0.0038, rated: 0.45, tail: 0.62, adult: 0.002, akas: 3, runtime: [1, 60] },
  { type: 'tvShort', share: 0.0009, rated: 0.35, tail: 0.9, adult: 0.001, akas: 2, runtime: [1, 30] },
  { type: 'tvPilot', share: 0.0003, rated: 0.3, tail: 0.9, adult: 0, akas: 2, runtime: [20, 60] },
];

const GENRES = [
  'Action', 'Adult', 'Adventure', 'Animation', 'Biography', 'Comedy', 'Crime', 'Documentary', 'Drama', 'Family',
  'Fantasy', 'Film-Noir', 'Game-Show', 'History', 'Horror', 'Music', 'Musical', 'Mystery', 'News', 'Reality-TV',
  'Romance', 'Sci-Fi', 'Short', 'Sport', 'Talk-Show', 'Thriller', 'War', 'Western',
];

/** Region, its usual language code (or \N), and the script its localized titles use. */
const REGIONS: ReadonlyArray<[string, string, 'latin' | 'accent' | 'cyrillic' | 'greek' | 'kana']> = [
  ['US', '\\N', 'latin'], ['GB', '\\N', 'latin'], ['CA', 'fr', 'accent'], ['AU', '\\N', 'latin'], ['DE', '\\N', 'accent'],
  ['FR', '\\N', 'accent'], ['ES', '\\N', 'accent'], ['IT', '\\N', 'accent'], ['BR', '\\N', 'accent'], ['MX', '\\N', 'accent'],
  ['AR', '\\N', 'accent'], ['PT', '\\N', 'accent'], ['JP', 'ja', 'kana'], ['RU', '\\N', 'cyrillic'], ['UA', '\\N', 'cyrillic'],
  ['BG', 'bg', 'cyrillic'], ['GR', '\\N', 'greek'], ['SE', '\\N', 'accent'], ['PL', '\\N', 'accent'], ['HU', '\\N', 'accent'],
  ['IN', 'hi', 'latin'], ['XWW', 'en', 'latin'], ['TR', 'tr', 'accent'], ['NL', '\\N', 'latin'], ['FI', '\\N', 'accent'],
];
const AKA_TYPES = ['\\N', '\\N', '\\N', '\\N', '\\N', 'imdbDisplay', 'imdbDisplay', 'alternative', 'working', 'festival', 'tv', 'video', 'dvd'];
const AKA_ATTRIBUTES = ['literal English title', 'alternative spelling', 'new title', 'reissue title', 'informal title', 'short title', 'complete title'];
const EPISODE_WORD: Readonly<Record<string, string>> = { DE: 'Folge', FR: 'Épisode', ES: 'Episodio', IT: 'Episodio', BR: 'Episódio', PT: 'Episódio', MX: 'Episodio', AR: 'Episodio', JP: 'エピソード', RU: 'Эпизод', UA: 'Епізод', GR: 'Επεισόδιο', PL: 'Odcinek', TR: 'Bölüm' };

// ---------------------------------------------------------------------------------------------------------------
// Writing.

/** One gzipped output: lines are collected into ~256 KB strings, written with backpressure. */
class GzipWriter {
  private readonly gzip: Gzip;
  private readonly done: Promise<unknown>;
  private parts: string[] = [];
  private size = 0;
  rows = 0;

  constructor(
    readonly tmpPath: string,
    header: string,
    level: number,
  ) {
    this.gzip = createGzip({ level, chunkSize: 256 * 1024 });
    const file = createWriteStream(tmpPath, { highWaterMark: 1024 * 1024 });
    this.gzip.pipe(file);
    this.done = once(file, 'close');
    this.parts.push(header);
    this.size = header.length + 1;
  }

  /** Adds one data line (without its newline). Returns a promise only when the buffer is flushed under backpressure. */
  line(text: string): Promise<void> | undefined {
    this.rows++;
    this.parts.push(text);
    this.size += text.length + 1;
    if (this.size < 256 * 1024) return undefined;
    return this.flush();
  }

  private flush(): Promise<void> | undefined {
    if (this.parts.length === 0) return undefined;
    const ok = this.gzip.write(this.parts.join('\n') + '\n');
    this.parts = [];
    this.size = 0;
    return ok ? undefined : once(this.gzip, 'drain').then(() => undefined);
  }

  async end(): Promise<void> {
    await this.flush();
    this.gzip.end();
    await this.done;
  }
}

function readStamp(dir: string): Stamp | undefined {
  try {
    return JSON.parse(readFileSync(join(dir, STAMP_FILE), 'utf8')) as Stamp;
  } catch {
    return undefined;
  }
}

/**
 * Generates (or reuses) the three files. Deterministic: the same scale, seed and level give the same bytes.
 */
export async function generateImdbDumps(options: ImdbGenOptions = {}): Promise<ImdbGenResult> {
  const started = performance.now();
  const scale = options.scale ?? 1;
  if (!(scale > 0 && scale <= 1)) throw new Error(`--scale must be in (0, 1], got ${scale}`);
  const gzipLevel = options.gzipLevel ?? 2;
  const seed = options.seed ?? 20261122;
  const dir = resolve(options.out ?? defaultImdbGenDir(scale));
  const log = options.log ?? (() => undefined);
  const files = {
    ratings: join(dir, 'title.ratings.tsv.gz'),
    basics: join(dir, 'title.basics.tsv.gz'),
    akas: join(dir, 'title.akas.tsv.gz'),
  };
  const params: Stamp['params'] = { version: GENERATOR_VERSION, scale, gzipLevel, seed };

  const stamp = readStamp(dir);
  if (
    !options.force &&
    stamp &&
    JSON.stringify(stamp.params) === JSON.stringify(params) &&
    (Object.keys(files) as Array<keyof typeof files>).every((k) => existsSync(files[k]) && statSync(files[k]).size === stamp.bytes[k])
  ) {
    return { dir, files, ...stamp.result, reused: true, seconds: (performance.now() - started) / 1000 };
  }

  mkdirSync(dir, { recursive: true });
  rmSync(join(dir, STAMP_FILE), { force: true });
  const random = seededRandom(seed);
  const words = buildVocabulary(random);
  const total = Math.max(1, Math.round(FULL_BASICS_ROWS * scale));

  // Cumulative type shares.
  const cumulative: number[] = [];
  let acc = 0;
  for (const t of TYPES) cumulative.push((acc += t.share));

  const pickType = (): TypeSpec => {
    const u = random() * acc;
    for (let i = 0; i < TYPES.length; i++) if (u < (cumulative[i] ?? 1)) return TYPES[i] ?? TYPES[0]!;
    return TYPES[TYPES.length - 1]!;
  };
  /** Zipf-like: a few words very often, a long tail rarely. */
  const word = (): string => words[Math.floor(words.length * random() ** 4.5)] ?? 'Ka';
  const wordTitle = (): string => {
    const u = random();
    const n = u < 0.3 ? 1 : u < 0.65 ? 2 : u < 0.88 ? 3 : 4 + Math.floor(random() * 4);
    const parts: string[] = [];
    if (random() < 0.3) parts.push('The');
    for (let i = 0; i < n; i++) {
      if (i > 0 && random() < 0.12) parts.push(random() < 0.7 ? 'of' : 'and');
      parts.push(word());
    }
    let title = parts.join(' ');
    const v = random();
    if (v < 0.006) title = `The "${word()}" ${word()}`;
    else if (v < 0.02) title = `${word()}'s ${title}`;
    else if (v < 0.035) title = `${title}: ${word()} ${word()}`;
    else if (v < 0.045) title = `${title} ${2 + Math.floor(random() * 4)}`;
    return title;
  };
  const localized = (title: string, script: string): string => {
    if (script === 'cyrillic') return mapLetters(title, CYRILLIC, true);
    if (script === 'greek') return mapLetters(title, GREEK, true);
    if (script === 'kana') return katakana(title.replace(/\s+/g, ''));
    if (script === 'accent') return accented(title, random);
    return title;
  };

  const tmp = `.tmp-${process.pid}`;
  const out = {
    ratings: new GzipWriter(files.ratings + tmp, IMDB_GEN_HEADERS.ratings, gzipLevel),
    basics: new GzipWriter(files.basics + tmp, IMDB_GEN_HEADERS.basics, gzipLevel),
    akas: new GzipWriter(files.akas + tmp, IMDB_GEN_HEADERS.akas, gzipLevel),
  };
  const ratingsTarget = FULL_RATINGS_ROWS / FULL_BASICS_ROWS;
  // Expected rated share with the type table; scaled so ratings come to 1.6 M of 12 M.
  const ratedShare = TYPES.reduce((s, t) => s + (t.share / acc) * t.rated, 0);
  const ratedFactor = ratingsTarget / ratedShare;
  const akasTarget = FULL_AKAS_ROWS / FULL_BASICS_ROWS;
  const akaShare = TYPES.reduce((s, t) => s + (t.share / acc) * t.akas, 0);
  const akaFactor = akasTarget / akaShare;

  const byType: Record<string, number> = {};
  let ratedOver1000 = 0;
  let bulkFilms = 0;
  const sample: GeneratedFilm[] = [];
  const SAMPLE_SIZE = 1000;
  // A separate stream for sampling, so the sample never shifts the data.
  const sampleRandom = seededRandom(seed ^ 0x5bd1e995);

  // Episodes belong to a series: the running series' season/episode counters.
  let season = 1;
  let episode = 0;
  let lastProgress = performance.now();

  for (let n = 1; n <= total; n++) {
    const id = `tt${String(n).padStart(7, '0')}`;
    const spec = pickType();
    byType[spec.type] = (byType[spec.type] ?? 0) + 1;
    const adult = random() < spec.adult;

    // Title.
    let title: string;
    if (spec.type === 'tvEpisode') {
      if (random() < 0.04) {
        season = 1 + Math.floor(random() * 3);
        episode = 0;
      }
      episode++;
      if (episode > 10 + Math.floor(random() * 15)) {
        season++;
        episode = 1;
      }
      const e = random();
      title = e < 0.45 ? `Episode #${season}.${episode}` : e < 0.5 ? `Episode dated ${1 + Math.floor(random() * 28)} May ${1990 + Math.floor(random() * 35)}` : wordTitle();
    } else {
      title = wordTitle();
    }
    let original = title;
    const origRoll = random();
    const foreign = spec.type !== 'tvEpisode' && origRoll < 0.18;
    if (foreign) {
      const region = REGIONS[Math.floor(random() * REGIONS.length)] ?? REGIONS[0]!;
      original = localized(title, region[2] === 'latin' ? 'accent' : region[2]);
      if (original === title) original = `${title} ${word()}`;
    }

    // Year, end year, runtime, genres.
    const yearRoll = random();
    const year = yearRoll < 0.04 ? undefined : Math.min(2031, Math.max(1874, Math.round(2025 - 45 * random() ** 1.6 - (random() < 0.05 ? 60 * random() : 0))));
    const endYear = (spec.type === 'tvSeries' || spec.type === 'tvMiniSeries') && year !== undefined && random() < 0.55 ? Math.min(2031, year + Math.floor(random() * 12)) : undefined;
    const runtime = random() < (spec.type === 'tvEpisode' ? 0.6 : 0.3) ? undefined : spec.runtime[0] + Math.floor(random() * (spec.runtime[1] - spec.runtime[0]));
    let genres = '\\N';
    if (random() > 0.06) {
      const k = 1 + Math.floor(random() * 3);
      const picked = new Set<string>();
      if (adult) picked.add('Adult');
      if (spec.type === 'short' || spec.type === 'tvShort') picked.add('Short');
      while (picked.size < k) {
        const g = GENRES[Math.floor(random() * GENRES.length * random())] ?? 'Drama';
        if (g !== 'Adult' && g !== 'Short') picked.add(g);
      }
      genres = [...picked].sort().join(',');
    }
    const yearText = year === undefined ? '\\N' : String(year);
    let p = out.basics.line(
      `${id}\t${spec.type}\t${title}\t${original}\t${adult ? 1 : 0}\t${yearText}\t${endYear === undefined ? '\\N' : endYear}\t${runtime === undefined ? '\\N' : runtime}\t${genres}`,
    );
    if (p) await p;

    // Rating.
    if (random() < spec.rated * ratedFactor) {
      // Pareto with x_min 5 (IMDb lists titles from 5 votes), capped near the real maximum.
      const u = Math.max(random(), 1e-12);
      const votes = Math.min(3_000_000, Math.floor(5 / u ** (1 / spec.tail)));
      const mean = 6.4 + Math.min(1.2, Math.log10(votes) / 5) - (adult ? 0.8 : 0);
      const g = (random() + random() + random() + random() - 2) * 1.7;
      const rating = Math.min(10, Math.max(1, Math.round((mean + g) * 10) / 10));
      p = out.ratings.line(`${id}\t${rating.toFixed(1)}\t${votes}`);
      if (p) await p;
      if (votes >= KEEP_MIN_VOTES) {
        ratedOver1000++;
        if ((spec.type === 'movie' || spec.type === 'tvMovie') && !adult) {
          bulkFilms++;
          // Reservoir sample.
          const film: GeneratedFilm = { id, title, votes };
          if (year !== undefined) film.year = year;
          if (sample.length < SAMPLE_SIZE) sample.push(film);
          else {
            const j = Math.floor(sampleRandom() * bulkFilms);
            if (j < SAMPLE_SIZE) sample[j] = film;
          }
        }
      }
    }

    // Akas: the original first (as IMDb lists it), then regional titles.
    const mean = spec.akas * akaFactor;
    const count = Math.max(1, Math.round(mean * 2 * random() ** 1.0 + (random() - 0.5)));
    for (let o = 1; o <= count; o++) {
      let line: string;
      if (o === 1 && random() < 0.7) {
        line = `${id}\t${o}\t${original}\t\\N\t\\N\toriginal\t\\N\t1`;
      } else {
        const region = REGIONS[Math.floor(random() * REGIONS.length * random())] ?? REGIONS[0]!;
        const r = random();
        let akaTitle: string;
        if (spec.type === 'tvEpisode' && title.startsWith('Episode #')) {
          const w = EPISODE_WORD[region[0]];
          akaTitle = w ? title.replace('Episode', w) : title;
        } else akaTitle = r < 0.35 ? title : r < 0.75 ? localized(title, region[2]) : r < 0.9 ? localized(wordTitle(), region[2]) : `${title} (${region[0]})`;
        const types = AKA_TYPES[Math.floor(random() * AKA_TYPES.length)] ?? '\\N';
        const attributes = random() < 0.06 ? (AKA_ATTRIBUTES[Math.floor(random() * AKA_ATTRIBUTES.length)] ?? '\\N') : '\\N';
        const language = random() < 0.25 ? region[1] : '\\N';
        line = `${id}\t${o}\t${akaTitle}\t${region[0]}\t${language}\t${types}\t${attributes}\t0`;
      }
      p = out.akas.line(line);
      if (p) await p;
    }

    if (n % 65536 === 0 && performance.now() - lastProgress > 5000) {
      lastProgress = performance.now();
      log(`imdb-gen: ${n.toLocaleString('en')} / ${total.toLocaleString('en')} titles (${((performance.now() - started) / 1000).toFixed(0)} s)`);
    }
  }
  const kinds = ['ratings', 'basics', 'akas'] as const;
  await Promise.all(kinds.map((k) => out[k].end()));
  for (const k of kinds) renameSync(out[k].tmpPath, files[k]);
  const result: Stamp['result'] = {
    rows: { ratings: out.ratings.rows, basics: out.basics.rows, akas: out.akas.rows },
    byType,
    ratedOver1000,
    bulkFilms,
    sample,
  };
  const bytes = { ratings: statSync(files.ratings).size, basics: statSync(files.basics).size, akas: statSync(files.akas).size };
  const written: Stamp = { params, result, bytes };
  writeFileSync(join(dir, STAMP_FILE), `${JSON.stringify(written, null, 1)}\n`);
  return { dir, files, ...result, reused: false, seconds: (performance.now() - started) / 1000 };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { out: { type: 'string' }, scale: { type: 'string' }, level: { type: 'string' }, force: { type: 'boolean' } },
  });
  const scale = values.scale === undefined ? 1 : Number(values.scale);
  const result = await generateImdbDumps({
    out: values.out,
    scale,
    gzipLevel: values.level === undefined ? undefined : Number(values.level),
    force: values.force,
    log: (line) => console.error(line),
  });
  const { sample, ...rest } = result;
  const bytes = Object.fromEntries(Object.entries(result.files).map(([k, f]) => [k, statSync(f).size]));
  console.log(JSON.stringify({ ...rest, bytes, sample: sample.slice(0, 5) }, null, 2));
}

runWhenMain(import.meta.filename, main);
