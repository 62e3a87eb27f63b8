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
import { titleKey } from '../../lib/match/normalize';
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
