/**
 * Merges the readers' `SourceRecord`s into `Film`s. Pure: no files, no clock; the same records give the same films
 * whatever order they arrive in, so the dataset version only changes when the data does.
 *
 * Rules (issue: "merged by IMDb id, then TMDb id, then normalised title + year (±1) with runtime as a tie-breaker;
 * every merge is explainable; report what could not be merged"), applied in passes so that a weaker rule never
 * decides before every stronger one has had its say:
 *
 * 1. IMDb id. Records that carry a tt id form one film per id (`first`, then `imdb-id`). Two different tt ids are
 *    never merged, whatever else they share: the id is the sources' own statement of identity.
 * 2. TMDb id, for records without a tt id: join the film whose records state that TMDb id; else bridge the TMDb id
 *    to a tt id through the MovieLens crosswalk and join (or found) that IMDb film. Both are rule `tmdb-id`: the
 *    record's own key was its TMDb id. A row that states both ids beats MovieLens, so the direct index goes first,
 *    and a crosswalk hit on a film that states another TMDb id is ignored (counted in `stats.crosswalkConflicts`).
 * 3. Title + year, for records with no usable id: `titleKey` of the title (or original title) and the same year
 *    (`title-year`), else a year within ±1 (`title-year±1`). Several candidates: the closest runtime within
 *    RUNTIME_TOLERANCE decides (`title-year±1+runtime`, also when the candidates share the exact year). Still
 *    several: ambiguous — not merged, reported. TMDb records that found no id match take part here too (TMDb's
 *    2020+ films are not in MovieLens), but never join a film that states another TMDb id.
 * 4. Records with neither an id nor a year can only merge by id, so they never merge: they become a film of their
 *    own when no film has their title, and are reported (`no-year`) when one does.
 *
 * Candidate filters on title matches: the kinds must be compatible (a series never merges with a movie), and a film
 * that already holds a record of the same input is skipped — a source lists each film once, so two rows of one
 * file with the same title are two films (remakes, "Hero" 2019 and "Hero" 2020).
 *
 * Unmerged records (ambiguous / no-year with a same-title film) are kept as a film of their own only when they
 * carry credit statements: end-credit facts are the product's core and rare, so one is never thrown away. A record
 * with only ratings or catalogue data is dropped instead: keeping it would add a second or third "Hero 2019" with a
 * lone rating, and the extension's title lookup could then show it instead of the real film. Both cases are listed
 * in `unmerged` with their candidates. Kept ones can only be joined by id later, never by title, so one doubtful
 * record does not turn into a magnet for others.
 *
 * Film fields (inputs order = priority, see scripts/data/readers/index.ts):
 * - id: the tt id; else "cc:" + sha1(titleKey|year) (first 10 hex; "tmdb:<id>" instead for a film without a usable
 *   title); films sharing that key get "|2", "|3"… in record order, so the ids are stable across builds of the same
 *   data.
 * - title: a properly cased title over the lower-case keys of the credits feeds, then input priority.
 * - originalTitle where it differs; alt: every other distinct title (by titleKey), cased first, capped at MAX_ALT.
 * - year: most common among records with an id (ties: priority), else the first given. runtime: lower median.
 * - kind: the highest-priority record's (IMDb's titleType first: catalogues call a TV movie a "MOVIE"), default
 *   "movie". tmdbId: most common, ties by priority.
 * - credits: combineCredits over every statement; ratings: one per rating source, the freshest (see pickRatings).
 * - merged: one step per record, sorted by input then line.
 */
import { createHash } from 'node:crypto';
import type {
  CreditStatement,
  DatasetInput,
  Film,
  FilmKind,
  MergeRule,
  MergeStep,
  Rating,
  RatingSourceId,
} from '../../lib/core/schema';
import { combineCredits } from './verdict';
import { titleKey } from '../../lib/core/match/normalize';
import { isLowerCaseKey, recordTitles } from './titles';
import type { SourceRecord } from './types';

/** Minutes within which a runtime counts as "the same film" when breaking a title+year tie. */
export const RUNTIME_TOLERANCE = 10;
/** Alternative titles kept per film: localized titles help lookups, but a handful per film covers the players. */
export const MAX_ALT = 20;

export type UnmergedReason = 'ambiguous' | 'no-year';

/** A record the merge could not place with certainty. */
export interface UnmergedReport {
  inputId: string;
  /** Index into `inputs`. */
  input: number;
  line: number;
  title: string;
  year?: number;
  reason: UnmergedReason;
  /** Ids of the films it might have joined, sorted. */
  candidates: string[];
  /** Id of the film of its own it was kept as (records with credits), absent when its facts were dropped. */
  keptAs?: string;
}

export interface MergeStats {
  records: number;
  films: number;
  /** Records per rule (the rule of every `MergeStep`). */
  byRule: Record<MergeRule, number>;
  /** Records without a tt id that got one from the TMDb → IMDb crosswalk. */
  crosswalked: number;
  /** Crosswalk links not used because the IMDb film states another TMDb id. */
  crosswalkConflicts: number;
  /** Unmerged records whose facts were dropped. */
  dropped: number;
}

export interface MergeResult {
  films: Film[];
  unmerged: UnmergedReport[];
  stats: MergeStats;
}

// ---------------------------------------------------------------------------------------------------------------
// Internal model.

/** Kinds that may describe the same title: sources call a TV movie or a video release a movie. */
type KindFamily = 'film' | 'series' | 'episode' | 'other';

const FAMILY: Readonly<Record<FilmKind, KindFamily>> = {
  movie: 'film',
  'tv-movie': 'film',
  video: 'film',
  short: 'film',
  series: 'series',
  episode: 'episode',
  other: 'other',
};

interface Rec {
  readonly record: SourceRecord;
  /** Index into `inputs`; also the record's priority (lower first). */
  readonly input: number;
  /** Own tt id, or the crosswalk's (then `viaCrosswalk`). */
  imdbId: string | undefined;
  viaCrosswalk: boolean;
  /** titleKey of title and originalTitle, non-empty, distinct. */
  readonly keys: readonly string[];
  readonly family: KindFamily | undefined;
  rule: MergeRule;
}

/**
 * A film being assembled. Its TMDb ids, inputs, years, runtimes and title keys are read from its records when
 * needed rather than kept in per-group Sets: a group holds two or three records on average, and on a full-dump
 * build (100k+ groups) those Sets alone cost ~70 MB. For the same reason the small lists here and in the indexes
 * are replaced by an exact-size copy when they grow, never pushed to: V8 gives an array grown by push room for 17
 * elements (184 bytes), three times what two or three need.
 */
interface Group {
  /** Creation order: makes candidate lists and id suffixes deterministic. */
  readonly seq: number;
  recs: Rec[];
  imdbId: string | undefined;
  family: KindFamily | undefined;
  /** Kept-unmerged films: joinable by id only. */
  titleLocked: boolean;
}

/** Order records by input (priority) then line: the only order the merge ever depends on. */
function byInputThenLine(a: Rec, b: Rec): number {
  return a.input - b.input || a.record.line - b.record.line;
}

function distinctKeys(record: SourceRecord): string[] {
  const keys = new Set<string>();
  for (const t of [record.title, record.originalTitle]) {
    const k = t ? titleKey(t) : '';
    if (k !== '') keys.add(k);
  }
  return [...keys];
}

function prepare(records: readonly SourceRecord[], inputs: readonly DatasetInput[]): Rec[] {
  const index = new Map<string, number>();
  inputs.forEach((input, i) => {
    if (index.has(input.id)) throw new Error(`duplicate input id "${input.id}"`);
    index.set(input.id, i);
  });
  const recs = records.map((record): Rec => {
    const input = index.get(record.inputId);
    // A record of an undeclared input could not be traced in the manifest: a wiring bug, not dirty data.
    if (input === undefined) throw new Error(`record of unknown input "${record.inputId}" (line ${record.line})`);
    return {
      record,
      input,
      imdbId: record.imdbId,
      viaCrosswalk: false,
      keys: distinctKeys(record),
      family: record.kind ? FAMILY[record.kind] : undefined,
      rule: 'first',
    };
  });
  return recs.sort(byInputThenLine);
}

function statesTmdbId(g: Group, tmdbId: number): boolean {
  return g.recs.some((r) => r.record.tmdbId === tmdbId);
}

function hasYear(g: Group, year: number): boolean {
  return g.recs.some((r) => r.record.year === year);
}

/** Everything a merge must not violate, whichever rule proposes it. */
function joinable(rec: Rec, g: Group): boolean {
  if (rec.family !== undefined && g.family !== undefined && rec.family !== g.family) return false;
  if (rec.imdbId !== undefined && g.imdbId !== undefined && rec.imdbId !== g.imdbId) return false;
  const tmdb = rec.record.tmdbId;
  if (tmdb !== undefined && g.recs.some((r) => r.record.tmdbId !== undefined) && !statesTmdbId(g, tmdb)) return false;
  return true;
}

class Merger {
  readonly groups: Group[] = [];
  private readonly byImdb = new Map<string, Group>();
  private readonly byTmdb = new Map<number, Group[]>();
  private readonly byKey = new Map<string, Group[]>();
  readonly pending: { rec: Rec; reason: UnmergedReason; candidates: Group[]; keptAs?: Group }[] = [];
  crosswalkConflicts = 0;

  create(rec: Rec, titleLocked = false): Group {
    const g: Group = {
      seq: this.groups.length,
      recs: [],
      imdbId: undefined,
      family: undefined,
      titleLocked,
    };
    this.groups.push(g);
    this.add(g, rec, 'first');
    return g;
  }

  add(g: Group, rec: Rec, rule: MergeRule): void {
    rec.rule = rule;
    const { tmdbId } = rec.record;
    // What is new to the group, decided against its records so far.
    const newTmdbId = tmdbId !== undefined && !statesTmdbId(g, tmdbId);
    const newKeys = g.titleLocked ? [] : rec.keys.filter((k) => !g.recs.some((r) => r.keys.includes(k)));
    g.recs = [...g.recs, rec];
    if (rec.imdbId !== undefined && g.imdbId === undefined) {
      g.imdbId = rec.imdbId;
      this.byImdb.set(rec.imdbId, g);
    }
    if (tmdbId !== undefined && newTmdbId) this.byTmdb.set(tmdbId, [...(this.byTmdb.get(tmdbId) ?? []), g]);
    if (g.family === undefined) g.family = rec.family;
    for (const k of newKeys) {
      const list = this.byKey.get(k);
      this.byKey.set(k, list ? [...list, g] : [g]);
    }
  }

  imdbGroup(id: string): Group | undefined {
    return this.byImdb.get(id);
  }

  /** The one film stating this TMDb id that the record may join (none when two films claim the id). */
  tmdbGroup(rec: Rec): Group | undefined {
    const tmdb = rec.record.tmdbId;
    const list = tmdb === undefined ? undefined : this.byTmdb.get(tmdb)?.filter((g) => joinable(rec, g));
    return list?.length === 1 ? list[0] : undefined;
  }

  /** Once every pass is done: the lookup indexes are not needed to build the films. */
  dropIndexes(): void {
    this.byImdb.clear();
    this.byTmdb.clear();
    this.byKey.clear();
  }

  /** Films sharing a title key with the record, de-duplicated, in creation order. */
  titleCandidates(rec: Rec): Group[] {
    const seen = new Set<Group>();
    for (const k of rec.keys) for (const g of this.byKey.get(k) ?? []) seen.add(g);
    return [...seen].sort((a, b) => a.seq - b.seq);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Passes.

function passImdb(m: Merger, recs: readonly Rec[]): void {
  for (const rec of recs) {
    if (rec.imdbId === undefined) continue;
    const g = m.imdbGroup(rec.imdbId);
    if (g) m.add(g, rec, 'imdb-id');
    else m.create(rec);
  }
}

/** Returns the records left for title matching. */
function passTmdb(m: Merger, recs: readonly Rec[], crosswalk: ReadonlyMap<number, string>): Rec[] {
  const left: Rec[] = [];
  for (const rec of recs) {
    if (rec.imdbId !== undefined) continue;
    const tmdb = rec.record.tmdbId;
    if (tmdb === undefined) {
      left.push(rec);
      continue;
    }
    const direct = m.tmdbGroup(rec);
    if (direct) {
      m.add(direct, rec, 'tmdb-id');
      continue;
    }
    const bridged = crosswalk.get(tmdb);
    if (bridged === undefined) {
      left.push(rec);
      continue;
    }
    const target = m.imdbGroup(bridged);
    rec.imdbId = bridged;
    rec.viaCrosswalk = true;
    if (target === undefined) m.create(rec);
    else if (joinable(rec, target)) m.add(target, rec, 'tmdb-id');
    else {
      // MovieLens disagrees with a row that states both ids (or the kinds clash): trust the row, drop the bridge.
      rec.imdbId = undefined;
      rec.viaCrosswalk = false;
      m.crosswalkConflicts++;
      left.push(rec);
    }
  }
  return left;
}

type TitleMatch = { group: Group; rule: MergeRule } | { ambiguous: Group[] } | undefined;

function closestRuntime(runtime: number | undefined, groups: readonly Group[]): Group | undefined {
  if (runtime === undefined) return undefined;
  const scored = groups
    .map((g) => ({ g, d: Math.min(...present(g.recs.map((r) => r.record.runtime)).map((r) => Math.abs(r - runtime))) }))
    .filter((s) => s.d <= RUNTIME_TOLERANCE)
    .sort((a, b) => a.d - b.d);
  const [best, next] = scored;
  return best && (next === undefined || best.d < next.d) ? best.g : undefined;
}

function matchTitle(m: Merger, rec: Rec, year: number): TitleMatch {
  const candidates = m.titleCandidates(rec).filter((g) => joinable(rec, g) && !g.recs.some((r) => r.input === rec.input));
  const exact = candidates.filter((g) => hasYear(g, year));
  const near = exact.length > 0 ? exact : candidates.filter((g) => hasYear(g, year - 1) || hasYear(g, year + 1));
  const [only] = near;
  if (only === undefined) return undefined;
  if (near.length === 1) return { group: only, rule: exact.length > 0 ? 'title-year' : 'title-year±1' };
  const byRuntime = closestRuntime(rec.record.runtime, near);
  return byRuntime ? { group: byRuntime, rule: 'title-year±1+runtime' } : { ambiguous: near };
}

/** Unmerged records keep their facts only when they carry credit statements (see the file comment). */
function keepsUnmerged(rec: Rec): boolean {
  return (rec.record.credits?.length ?? 0) > 0;
}

function unmerged(m: Merger, rec: Rec, reason: UnmergedReason, candidates: Group[]): void {
  const keptAs = keepsUnmerged(rec) ? m.create(rec, true) : undefined;
  m.pending.push({ rec, reason, candidates, keptAs });
}

/** Returns the records without id and year, for the last pass. */
function passTitle(m: Merger, recs: readonly Rec[]): Rec[] {
  const yearless: Rec[] = [];
  for (const rec of recs) {
    // An earlier record of this pass may have founded the film of this TMDb id.
    const direct = m.tmdbGroup(rec);
    if (direct) {
      m.add(direct, rec, 'tmdb-id');
      continue;
    }
    const year = rec.record.year;
    if (year === undefined || rec.keys.length === 0) {
      // A TMDb id is an identity even without a year or a usable title: such a record is a film of its own.
      if (rec.record.tmdbId !== undefined) m.create(rec);
      else yearless.push(rec);
      continue;
    }
    const match = matchTitle(m, rec, year);
    if (match === undefined) m.create(rec);
    else if ('group' in match) m.add(match.group, rec, match.rule);
    else unmerged(m, rec, 'ambiguous', match.ambiguous);
  }
  return yearless;
}

function passYearless(m: Merger, recs: readonly Rec[]): void {
  for (const rec of recs) {
    const sameTitle = m.titleCandidates(rec).filter((g) => joinable(rec, g));
    if (sameTitle.length === 0) m.create(rec);
    else unmerged(m, rec, 'no-year', sameTitle);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Film fields.

/** Records for display choices: properly cased titles first, then input priority, then line. */
function displayOrder(recs: readonly Rec[]): Rec[] {
  const lower = (r: Rec): number => (isLowerCaseKey(r.record.title) ? 1 : 0);
  return [...recs].sort((a, b) => lower(a) - lower(b) || byInputThenLine(a, b));
}

/** Most frequent value; ties go to the value seen first (values arrive in priority order). */
function mostCommon<T>(values: readonly T[]): T | undefined {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: T | undefined;
  let bestCount = 0;
  for (const [v, n] of counts) {
    if (n > bestCount) {
      best = v;
      bestCount = n;
    }
  }
  return best;
}

function present<T>(values: readonly (T | undefined)[]): T[] {
  return values.filter((v): v is T => v !== undefined);
}

function lowerMedian(values: readonly number[]): number | undefined {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

interface Titles {
  title: string;
  originalTitle?: string;
  alt: string[];
}

function chooseTitles(all: readonly Rec[]): Titles {
  // A hidden title joins records; it is never one a film shows (see SourceRecord.titleHidden).
  const ordered = all.filter((r) => !r.record.titleHidden);
  const title = ordered.find((r) => r.record.title !== '')?.record.title ?? '';
  const originalTitle = ordered.map((r) => r.record.originalTitle).find((t) => t !== undefined && t !== title);
  const seen = new Set([titleKey(title), ...(originalTitle ? [titleKey(originalTitle)] : [])]);
  const seenExact = new Set([title, ...(originalTitle ? [originalTitle] : [])]);
  const alt: string[] = [];
  for (const r of ordered) {
    for (const t of recordTitles(r.record)) {
      if (alt.length >= MAX_ALT) continue;
      const k = titleKey(t);
      // A title of symbols only has an empty key: dedupe those by the exact string.
      if (k === '' ? seenExact.has(t) : seen.has(k)) continue;
      seen.add(k);
      seenExact.add(t);
      alt.push(t);
    }
  }
  // An exact-size copy: the film keeps it (see Group).
  return originalTitle === undefined ? { title, alt: [...alt] } : { title, originalTitle, alt: [...alt] };
}

function chooseYear(recs: readonly Rec[]): number | undefined {
  const withId = recs.filter((r) => r.imdbId !== undefined || r.record.tmdbId !== undefined);
  return mostCommon(present(withId.map((r) => r.record.year))) ?? present(recs.map((r) => r.record.year))[0];
}

/** Later as-of first; partial dates ("2023") sort before fuller ones of the same period ("2023-03"). */
function fresher(a: Rating, b: Rating): number {
  return a.asOf < b.asOf ? 1 : a.asOf > b.asOf ? -1 : 0;
}

/**
 * One rating per rating source: the freshest as-of (ratings move; the newest snapshot is closest to what the site
 * shows today), then the larger count (more votes behind it), then input priority. Older values of the same
 * source are not kept: the schema has one rating per source, and disagreement between snapshots is drift, not a
 * conflict worth showing.
 */
function pickRatings(ratings: readonly Rating[]): Rating[] {
  const best = new Map<RatingSourceId, Rating>();
  for (const r of ratings) {
    const held = best.get(r.source);
    if (!held) {
      best.set(r.source, r);
      continue;
    }
    const order = fresher(r, held) || (held.count ?? -1) - (r.count ?? -1) || r.input - held.input;
    if (order < 0) best.set(r.source, r);
  }
  return [...best.values()].sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0));
}

function shortHash(text: string): string {
  return createHash('sha1').update(text).digest('hex').slice(0, 10);
}

/** What a derived id hashes: title key and year, or the TMDb id for a film without a usable title. */
function derivedKey(title: string, year: number | undefined, tmdbId: number | undefined): string {
  const key = titleKey(title);
  if (key === '' && tmdbId !== undefined) return `tmdb:${tmdbId}`;
  return `${key}|${year ?? ''}`;
}

function buildFilm(g: Group, id: string): Film {
  const recs = [...g.recs].sort(byInputThenLine);
  const ordered = displayOrder(recs);
  const { title, originalTitle, alt } = chooseTitles(ordered);
  const statements: CreditStatement[] = recs.flatMap((r) => (r.record.credits ?? []).map((s) => ({ ...s, input: r.input })));
  const ratings: Rating[] = recs.flatMap((r) => (r.record.ratings ?? []).map((x) => ({ ...x, input: r.input })));
  const merged: MergeStep[] = recs.map((r) => ({ input: r.input, line: r.record.line, rule: r.rule }));
  const year = chooseYear(recs);
  const runtime = lowerMedian(present(recs.map((r) => r.record.runtime)));
  const tmdbId = mostCommon(present(recs.map((r) => r.record.tmdbId)));
  // Optional fields only when present: the asset stays small and films compare cleanly in tests.
  const film: Film = {
    id,
    title,
    ...(originalTitle !== undefined && { originalTitle }),
    ...(alt.length > 0 && { alt }),
    ...(year !== undefined && { year }),
    ...(runtime !== undefined && { runtime }),
    kind: present(recs.map((r) => r.record.kind))[0] ?? 'movie',
    ...(tmdbId !== undefined && { tmdbId }),
    credits: combineCredits(statements),
    ratings: pickRatings(ratings),
    merged,
  };
  return film;
}

/** tt ids as they are; derived ids for the rest, suffixed in group order where two films share a key. */
function assignIds(groups: readonly Group[]): Map<Group, string> {
  const ids = new Map<Group, string>();
  const uses = new Map<string, number>();
  for (const g of groups) {
    if (g.imdbId !== undefined) {
      ids.set(g, g.imdbId);
      continue;
    }
    const recs = displayOrder([...g.recs].sort(byInputThenLine));
    const title = chooseTitles(recs).title;
    const base = derivedKey(title, chooseYear(recs), mostCommon(present(recs.map((r) => r.record.tmdbId))));
    const n = (uses.get(base) ?? 0) + 1;
    uses.set(base, n);
    ids.set(g, `cc:${shortHash(n === 1 ? base : `${base}|${n}`)}`);
  }
  return ids;
}

function emptyRuleCounts(): Record<MergeRule, number> {
  return { first: 0, 'imdb-id': 0, 'tmdb-id': 0, 'title-year': 0, 'title-year±1': 0, 'title-year±1+runtime': 0 };
}

/**
 * The merge passes. Afterwards the records are reachable only through the groups (`recs` is a local here), and
 * `release` lets the caller's list go too.
 */
function runPasses(
  records: readonly SourceRecord[],
  inputs: readonly DatasetInput[],
  crosswalk: ReadonlyMap<number, string>,
  release: (() => void) | undefined,
): { m: Merger; crosswalked: number } {
  const recs = prepare(records, inputs);
  release?.();
  const m = new Merger();
  passImdb(m, recs);
  const titleOnly = passTmdb(m, recs, crosswalk);
  passYearless(m, passTitle(m, titleOnly));
  return { m, crosswalked: recs.filter((r) => r.viaCrosswalk).length };
}

/**
 * Merges records into films (see the file comment for the rules). `inputs` is the build's input table: a record's
 * `inputId` must be one of them, and its index there becomes every `input` field. `crosswalk` maps TMDb ids to tt
 * ids (build-time only; nothing of it is copied into a film except the join it enables).
 */
export function mergeRecords(
  records: readonly SourceRecord[],
  inputs: readonly DatasetInput[],
  crosswalk: ReadonlyMap<number, string>,
): MergeResult {
  return merge(records, inputs, crosswalk, undefined);
}

/**
 * `mergeRecords` for a caller that hands its list over: `records` is emptied once the merge has taken them in, so
 * each record can be freed as soon as its film is built. The full-dump build (scripts/data/build.ts) uses it: its
 * peak memory is then the films plus the records still to merge, not the films plus every record.
 */
export function mergeOwnedRecords(records: SourceRecord[], inputs: readonly DatasetInput[], crosswalk: ReadonlyMap<number, string>): MergeResult {
  return merge(records, inputs, crosswalk, () => {
    records.length = 0;
  });
}

function merge(
  records: readonly SourceRecord[],
  inputs: readonly DatasetInput[],
  crosswalk: ReadonlyMap<number, string>,
  release: (() => void) | undefined,
): MergeResult {
  const recordCount = records.length;
  const { m, crosswalked } = runPasses(records, inputs, crosswalk, release);

  // Group creation order depends only on the sorted records, so the derived-id suffixes are stable.
  const ids = assignIds(m.groups);
  const byRule = emptyRuleCounts();
  for (const g of m.groups) for (const r of g.recs) byRule[r.rule]++;
  // Memory: a group's working state is let go as soon as its film is built, so the films and the groups are not
  // both whole in memory at the end of a full-dump build.
  m.dropIndexes();
  const films: Film[] = [];
  for (const g of m.groups) {
    films.push(buildFilm(g, ids.get(g) ?? ''));
    g.recs = [];
  }
  films.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  const unmergedReports = m.pending
    .map(({ rec, reason, candidates, keptAs }): UnmergedReport => {
      const report: UnmergedReport = {
        inputId: rec.record.inputId,
        input: rec.input,
        line: rec.record.line,
        title: rec.record.title,
        reason,
        candidates: candidates.map((g) => ids.get(g) ?? '').sort(),
      };
      if (rec.record.year !== undefined) report.year = rec.record.year;
      if (keptAs) report.keptAs = ids.get(keptAs) ?? '';
      return report;
    })
    .sort((a, b) => a.input - b.input || a.line - b.line);

  return {
    films,
    unmerged: unmergedReports,
    stats: {
      records: recordCount,
      films: films.length,
      byRule,
      crosswalked,
      crosswalkConflicts: m.crosswalkConflicts,
      dropped: unmergedReports.filter((u) => u.keptAs === undefined).length,
    },
  };
}
