/**
 * The explicit list of every source the build reads. The order is the merge's priority order (scripts/data/merge.ts):
 * it decides which source's title, kind and year a film shows when sources differ, and it is the order of
 * `Dataset.inputs` (so of every `input` index). Rules of thumb behind it:
 * - IMDb's own dumps first: the official title, kind and runtime of a tt id;
 * - then sources keyed by a tt id (their titles are IMDb's or close), newest first;
 * - then TMDb-keyed catalogues, then title-only rating files (newest and cleanest first);
 * - the credits feeds last: their titles are lower-case keys, so they should never be the title a film shows.
 *
 * Not listed: MovieLens `links.csv` (movielens-crosswalk.ts) — a build-time TMDb → IMDb bridge only; GroupLens
 * forbids redistribution, so it is not an input of the shipped dataset.
 */
import type { SourceReader } from '../types';
import { creditsFactsReaders } from './credits-facts';
import { fandangoReader } from './fivethirtyeight-fandango';
import { imdb5000Reader } from './imdb-5000';
import { imdbFiltered2025Reader, omdb2025Reader } from './imdb-omdb-2025';
import { imdbTop1000Reader } from './imdb-top-1000';
import { mcuapiOtherReader, mcuapiReader } from './mcuapi';
import { createImdbDumpReaders, IMDB_BASICS_INPUT_ID, IMDB_RATINGS_INPUT_ID } from './imdb-tsv';
import { metacriticReader } from './metacritic';
import { moviesOnStreaming2020Reader } from './movies-on-streaming-platforms';
import { rtStreaming2024Reader } from './rt-streaming-2024';
import { rtTopMoviesReader } from './rt-top-movies';
import { soeiroStreamingReaders } from './soeiro-streaming-titles';
import { tmdb5000Reader } from './tmdb-5000';
import { tmdbTop10kReader } from './tmdb-top-10k';
import { vegaMoviesReader } from './vega-movies';
import { whatsAfterTheMovieCreditsReader } from './whats-after-the-movie-credits';
import { whatsAfterTheMovieRatingsReader } from './whats-after-the-movie-ratings';

/** Inputs whose reader needs the ids every other reader found (the IMDb dumps keep known titles whatever their votes). */
export const READS_AFTER_OTHERS: ReadonlySet<string> = new Set([IMDB_BASICS_INPUT_ID, IMDB_RATINGS_INPUT_ID]);

export interface ReaderListOptions {
  /** Folder with user-downloaded IMDb dumps; default: the 2018-dump sample in the sources folder. */
  imdbDir?: string;
  /** tt ids other sources know; called while the IMDb readers run, i.e. after every other reader. */
  keep: (tconst: string) => boolean;
}

/** Every reader, in priority order. */
export function allReaders(opts: ReaderListOptions): SourceReader[] {
  const imdb = createImdbDumpReaders(opts.imdbDir === undefined ? { keep: opts.keep } : { dir: opts.imdbDir, keep: opts.keep });
  return [
    imdb.basics,
    imdb.ratings,
    imdbFiltered2025Reader,
    omdb2025Reader,
    ...[...soeiroStreamingReaders].reverse(), // 2023 snapshots before 2022-07
    imdb5000Reader,
    tmdbTop10kReader,
    tmdb5000Reader,
    imdbTop1000Reader,
    rtTopMoviesReader,
    rtStreaming2024Reader,
    metacriticReader,
    fandangoReader,
    moviesOnStreaming2020Reader,
    vegaMoviesReader,
    whatsAfterTheMovieRatingsReader,
    ...creditsFactsReaders,
    whatsAfterTheMovieCreditsReader,
    mcuapiReader,
    mcuapiOtherReader,
  ];
}
