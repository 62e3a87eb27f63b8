/**
 * Cross-checks of tt ids before merging. Some catalogue exports carry wrong tt ids: the Soeiro/JustWatch files
 * list Lightyear (2022) as tt10954616 while IMDb's own export has it as tt10298810, and Doctor Strange in the
 * Multiverse of Madness as tt11304712 instead of tt9419884; their scores are the real film's, only the id is off.
 * Kept, such an id makes a second "Lightyear 2022" whose verdict is unknown, beside the real one that has it.
 *
 * Rule: a record from an input whose ids are not authoritative loses its tt id when an authoritative input (IMDb's
 * own data) has the same title key and year under a different tt id, and no authoritative input knows the
 * record's id at all. The record then joins its film by title + year like any id-less row.
 */
import { editDistance } from '../../lib/core/edit-distance';
import { matchWords, titleKey } from '../../lib/core/match/normalize';
import { recordTitles } from './titles';
import type { SourceRecord } from './types';

export interface IdCheckResult {
  records: SourceRecord[];
  /** Records whose id was dropped, for the build report. */
  dropped: Array<{ inputId: string; line: number; title: string; year?: number; imdbId: string; authoritative: string }>;
}

export function dropContradictedIds(
  records: readonly SourceRecord[],
  isAuthoritative: (inputId: string) => boolean,
  isSuspect: (inputId: string) => boolean,
): IdCheckResult {
  const knownIds = new Set<string>();
  const idByTitleYear = new Map<string, Set<string>>();
  for (const r of records) {
    if (!isAuthoritative(r.inputId) || !r.imdbId) continue;
    knownIds.add(r.imdbId);
    if (r.year === undefined) continue;
    const key = `${titleKey(r.title)}|${r.year}`;
    const ids = idByTitleYear.get(key) ?? new Set<string>();
    ids.add(r.imdbId);
    idByTitleYear.set(key, ids);
  }
  const dropped: IdCheckResult['dropped'] = [];
  const out = records.map((r) => {
    if (!r.imdbId || r.year === undefined || !isSuspect(r.inputId) || knownIds.has(r.imdbId)) return r;
    const ids = idByTitleYear.get(`${titleKey(r.title)}|${r.year}`);
    // Only a single, different authoritative id is a contradiction; two IMDb films of that title and year are
    // two films (remakes), and the suspect id may be either.
    if (!ids || ids.size !== 1 || ids.has(r.imdbId)) return r;
    const [authoritative = ''] = ids;
    dropped.push({ inputId: r.inputId, line: r.line, title: r.title, year: r.year, imdbId: r.imdbId, authoritative });
    const { imdbId: _dropped, ...rest } = r;
    return rest;
  });
  return { records: out, dropped };
}

// ---------------------------------------------------------------------------------------------------------------
// Inferred ids: the aftercredits.com posts that shared/data tied to an IMDb id by aligning their order with Kometa's
// list (credits/aftercredits_imdb_alignment.csv). The alignment slips by one film in places, in chains: Trap's post
// sat on Harold and the Purple Crayon's id, Borderlands' on Trap's. An inferred id is kept only when a source that
// knows the id independently (IMDb's own data, catalogues, the MCU API…) gives it the same title and year.

/** How shared/data marks an id (or a title) that came from the order alignment. */
export const INFERRED_ID = /^inferred: order-aligned/;
const ALIGNED_TITLE = /title via aftercredits title via order alignment/;

/** What checkInferredIds appends to the idMatch of a claim it rejects: NOT_CONFIRMED_MARK, then "(why)". */
export const NOT_CONFIRMED = 'not confirmed';
export const NOT_CONFIRMED_MARK = ` — ${NOT_CONFIRMED}`;

/** The claim an alignment made: an aftercredits.com post's id, or a Kometa entry's title (and year). */
function alignmentClaim(r: SourceRecord): 'id' | 'title' | undefined {
  const idMatch = r.credits?.[0]?.idMatch ?? '';
  if (INFERRED_ID.test(idMatch)) return 'id';
  if (ALIGNED_TITLE.test(idMatch)) return 'title';
  return undefined;
}

/** Title words for comparing titles of one film across sources: sequel numerals as digits, no leading article. */
function comparableWords(title: string): string[] {
  const words = matchWords(title);
  const start = words.length > 1 && (words[0] === 'the' || words[0] === 'a' || words[0] === 'an') ? 1 : 0;
  const kept = words.slice(start).filter((w) => w !== 'and');
  return kept.length > 0 ? kept : words;
}

function containsRun(long: readonly string[], short: readonly string[]): boolean {
  for (let i = 0; i + short.length <= long.length; i++) if (short.every((w, j) => long[i + j] === w)) return true;
  return false;
}

/**
 * Two titles name the same film: the same words, one a run of the other's ("Birds of Prey" in "Birds of Prey and
 * the Fantabulous Emancipation of One Harley Quinn"), or a spelling one edit in ten away ("Haikyuu"/"Haikyu"). A
 * shifted alignment pairs unrelated titles, which none of these accept.
 */
export function titlesAgree(a: string, b: string): boolean {
  const x = comparableWords(a);
  const y = comparableWords(b);
  if (x.length === 0 || y.length === 0) return false;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  if (containsRun(long, short)) return true;
  const kx = x.join('');
  const ky = y.join('');
  const max = Math.max(1, Math.floor(Math.max(kx.length, ky.length) / 10));
  return editDistance(kx, ky, max) <= max;
}

export interface InferredIdReport {
  /** Inferred ids confirmed by an independent title and year. */
  confirmed: number;
  /** Ids taken off (the post stays a film of its own), with what the independent sources call that id. */
  rejected: Array<{ inputId: string; line: number; title: string; year?: number; imdbId: string; claim: 'id' | 'title'; knownAs?: string }>;
}

/**
 * Checks every alignment claim against the titles and years the other records give the same id. A rejected post
 * loses its id (and joins its film by title and year); a rejected Kometa title is taken off its record, which keeps
 * its own id and so joins the film that id is. Records are new objects where changed; the input is not mutated.
 */
export function checkInferredIds(records: readonly SourceRecord[]): { records: SourceRecord[]; report: InferredIdReport } {
  // Only the claimed ids need evidence: on a full-dump build the records hold a few hundred thousand other ids.
  const claimed = new Set<string>();
  for (const r of records) if (r.imdbId && alignmentClaim(r) !== undefined) claimed.add(r.imdbId);
  const evidence = new Map<string, SourceRecord[]>();
  for (const r of records) {
    if (!r.imdbId || !claimed.has(r.imdbId) || alignmentClaim(r) !== undefined) continue;
    evidence.set(r.imdbId, [...(evidence.get(r.imdbId) ?? []), r]);
  }
  const report: InferredIdReport = { confirmed: 0, rejected: [] };
  const out = records.map((r) => {
    const claim = alignmentClaim(r);
    if (claim === undefined || !r.imdbId) return r;
    const known = evidence.get(r.imdbId) ?? [];
    const agrees = known.some(
      (k) =>
        recordTitles(k).some((t) => titlesAgree(t, r.title)) &&
        (k.year === undefined || r.year === undefined || Math.abs(k.year - r.year) <= 1),
    );
    if (agrees && r.title !== '') {
      report.confirmed++;
      return r;
    }
    const first = known[0];
    const knownAs = first ? `${first.title}${first.year ? ` (${first.year})` : ''}` : undefined;
    report.rejected.push({ inputId: r.inputId, line: r.line, title: r.title, ...(r.year !== undefined && { year: r.year }), imdbId: r.imdbId, claim, ...(knownAs && { knownAs }) });
    const why = knownAs ? `independent sources give ${r.imdbId} to "${knownAs}"` : `no independent source knows ${r.imdbId}`;
    const credits = r.credits?.map((s) => ({ ...s, idMatch: `${s.idMatch ?? ''}${NOT_CONFIRMED_MARK} (${why})` }));
    if (claim === 'id') {
      const { imdbId: _taken, ...rest } = r;
      return { ...rest, ...(credits && { credits }) };
    }
    // A Kometa entry keeps its own id; the title the alignment lent it goes, and the year that came with it.
    const { year: _year, altTitles: _alt, ...rest } = r;
    return { ...rest, title: '', ...(credits && { credits }) };
  });
  return { records: out, report };
}
