/**
 * MovieLens ml-25m `links.csv` as a build-time bridge from TMDb ids to IMDb ids (for the TMDb files, which have no
 * tt ids). It is NOT a record source: GroupLens forbids redistribution, so nothing from MovieLens (titles, genres,
 * ids as such) may end up in the shipped dataset; only the join it enables does.
 *
 * Quirks:
 * - `imdbId` has no "tt" and is zero-padded to 7 digits ("0114709"); 8-digit ids exist.
 * - 107 movies have no `tmdbId`.
 * - 34 TMDb ids are linked to two different IMDb ids (MovieLens linking errors, e.g. 105045 → tt0111613 and
 *   tt0117398). Such an id cannot bridge anything reliably and is left out of the map (reported when a report is
 *   given), rather than letting whichever row comes first win.
 */
import { BuildReport } from '../types';
import { mapRows, parseImdbId, parseTmdbId, readCsv, RowError } from './csv';

export const MOVIELENS_LINKS_FILE = 'raw/movielens_ml25m/links.csv';

/** TMDb id → IMDb tt id ("tt" + at least 7 digits), unambiguous links only. */
export async function readMovielensCrosswalk(sourcesDir: string, report?: BuildReport): Promise<Map<number, string>> {
  const file = MOVIELENS_LINKS_FILE;
  const sink = report ?? new BuildReport();
  const rows = await readCsv(sourcesDir, file, sink, ['imdbId', 'tmdbId']);
  const links = mapRows(rows, file, sink, (row) => {
    const tmdbId = parseTmdbId(row.get('tmdbId'), 'tmdbId');
    if (tmdbId === undefined) return undefined; // not linked to TMDb: nothing to bridge, not an error
    const imdbId = parseImdbId(row.get('imdbId'), 'imdbId');
    if (imdbId === undefined) throw new RowError('no imdbId');
    return { tmdbId, imdbId, line: row.line };
  });

  const map = new Map<number, string>();
  const firstLine = new Map<number, number>();
  const ambiguous = new Set<number>();
  for (const { tmdbId, imdbId, line } of links) {
    const known = map.get(tmdbId);
    if (ambiguous.has(tmdbId)) {
      sink.skip(file, line, `TMDb id ${tmdbId} is linked to several IMDb ids: dropped`);
    } else if (known === undefined) {
      map.set(tmdbId, imdbId);
      firstLine.set(tmdbId, line);
    } else if (known !== imdbId) {
      map.delete(tmdbId);
      ambiguous.add(tmdbId);
      sink.skip(file, line, `TMDb id ${tmdbId} also linked to ${known} at line ${firstLine.get(tmdbId) ?? 0}: dropped`);
    }
  }
  return map;
}
