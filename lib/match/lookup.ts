/**
 * One film lookup as the CLI (`npm run lookup`) prints it. The shape is a contract (issue #2); the matching behind
 * it is the extension's own (matchFilm), so the CLI answers exactly what a player page would get.
 */
import type { Confidence, FilmIndex } from '../data/film-index';
import type { CreditsState, DatasetInput, Film, Tri } from '../data/schema';
import { matchFilm, type MatchQuery } from './match';

export type LookupQuery = MatchQuery;

export interface LookupResult {
  match: { id: string; title: string; year: number | null; confidence: Confidence } | null;
  credits: {
    state: CreditsState;
    mid: Tri | 'conflict';
    post: Tri | 'conflict';
    sources: Array<{
      source: string;
      any: Tri;
      mid: Tri;
      post: Tri;
      url: string | null;
      asOf: string | null;
      idMatch: string | null;
      input: string | null;
    }>;
  };
  ratings: Array<{ source: string; value: number; scale: number; count: number | null; asOf: string; input: string | null }>;
}

const NO_MATCH: LookupResult = { match: null, credits: { state: 'unknown', mid: 'unknown', post: 'unknown', sources: [] }, ratings: [] };

export function describeFilm(film: Film, confidence: Confidence, inputs: readonly DatasetInput[]): LookupResult {
  const inputName = (i: number): string | null => inputs[i]?.id ?? null;
  return {
    match: { id: film.id, title: film.title, year: film.year ?? null, confidence },
    credits: {
      state: film.credits.state,
      mid: film.credits.mid,
      post: film.credits.post,
      sources: film.credits.statements.map((s) => ({
        source: s.source,
        any: s.any,
        mid: s.mid,
        post: s.post,
        url: s.url ?? null,
        asOf: s.asOf ?? null,
        idMatch: s.idMatch ?? null,
        input: inputName(s.input),
      })),
    },
    ratings: film.ratings.map((r) => ({
      source: r.source,
      value: r.value,
      scale: r.scale,
      count: r.count ?? null,
      asOf: r.asOf,
      input: inputName(r.input),
    })),
  };
}

/** The matcher's best film (title, year, runtime, kind; see match.ts), or the no-match shape. */
export function lookup(index: FilmIndex, query: LookupQuery, inputs: readonly DatasetInput[]): LookupResult {
  const { best } = matchFilm(index, query);
  return best ? describeFilm(best.film, best.confidence, inputs) : NO_MATCH;
}
