/**
 * One film lookup as the CLI (`npm run lookup`) prints it. The shape is a contract (issue #2); the matching behind
 * it is the extension's own (matchFilm), so the CLI answers exactly what a player page would get.
 */
import type { Confidence, FilmIndex } from '../film-index';
import type { CreditContent, CreditExtra, CreditsState, DatasetInput, Film, StatementReading, Tri } from '../schema';
import { matchFilm, type MatchQuery } from './match';

export type LookupQuery = MatchQuery;

export interface LookupResult {
  match: { id: string; title: string; year: number | null; confidence: Confidence } | null;
  credits: {
    state: CreditsState;
    mid: Tri | 'conflict';
    post: Tri | 'conflict';
    /** Scenes at each position where a source counts them (and none disagrees), else null. */
    midCount: number | null;
    postCount: number | null;
    /** Extras that are not scenes (a sound, text, stills…), empty when none is known. */
    extras: CreditExtra[];
    sources: Array<{
      source: string;
      any: Tri;
      mid: Tri;
      post: Tri;
      midCount: number | null;
      postCount: number | null;
      /** What the source says is there (scene, extras, mixed) where it says, else null. */
      content: CreditContent | null;
      extras: CreditExtra[];
      /** mediastinger.com's vote list: the film's vote rating there. */
      voteRating: number | null;
      /** Why the verdict did not count the statement as stated, or null when it did. */
      reading: StatementReading | null;
      url: string | null;
      asOf: string | null;
      idMatch: string | null;
      input: string | null;
    }>;
  };
  ratings: Array<{ source: string; value: number; scale: number; count: number | null; asOf: string; input: string | null }>;
}

const NO_MATCH: LookupResult = {
  match: null,
  credits: { state: 'unknown', mid: 'unknown', post: 'unknown', midCount: null, postCount: null, extras: [], sources: [] },
  ratings: [],
};

export function describeFilm(film: Film, confidence: Confidence, inputs: readonly DatasetInput[]): LookupResult {
  const inputName = (i: number): string | null => inputs[i]?.id ?? null;
  return {
    match: { id: film.id, title: film.title, year: film.year ?? null, confidence },
    credits: {
      state: film.credits.state,
      mid: film.credits.mid,
      post: film.credits.post,
      midCount: film.credits.midCount ?? null,
      postCount: film.credits.postCount ?? null,
      extras: [...film.credits.extras],
      sources: film.credits.statements.map((s) => ({
        source: s.source,
        any: s.any,
        mid: s.mid,
        post: s.post,
        midCount: s.midCount ?? null,
        postCount: s.postCount ?? null,
        content: s.content ?? null,
        extras: [...(s.extras ?? [])],
        voteRating: s.voteRating ?? null,
        reading: s.reading ?? null,
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
