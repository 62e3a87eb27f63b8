/**
 * How much each end-credit source is worth, measured on the built films: which statements are one source (voices),
 * what each source answers explicitly, how often two sources give the same answer on the films both speak about,
 * and the two rules derived from those measurements:
 *
 * 1. mediastinger.com's vote list holds every film with any vote, negative ratings too. An entry counts as a "yes"
 *    from the lowest vote rating at which the list agrees with aftercredits.com's explicit answers at least as
 *    often as the other positive-only list (TMDb's keywords) does: judged on the WINDOW_FILMS lowest-rated entries
 *    from that rating up (the margin: what one more rating value would let in) and on every entry from it up.
 * 2. A source's yes answers and its no answers are weighed apart (a list can be right when it names a film and wrong
 *    when it leaves one out): a kind that agrees with the other sources' answers less often than RELIABLE_AGREEMENT
 *    is shown but not counted; one compared on fewer than MIN_COMPARED answers cannot be measured and counts fully
 *    (a single page, for instance: its disagreement stays visible as a conflict).
 *
 * Explicit answers only: a positive-only list's silence answers nothing, a "no" about scenes answers only "is there a
 * scene?", and aftercredits.com's tags answer it too (footage: yes; extras only: no; both named: not said).
 * Everything here is pure; the build writes the result into the manifest and `npm run data:audit` prints it.
 */
import type {
  AgreementQuestion,
  AnswerTally,
  CreditSourceWeight,
  CreditsMeasure,
  CreditStatement,
  DatasetInput,
  Film,
  SourcePairAgreement,
  Tri,
  VoteRatingMeasure,
} from '../../lib/core/schema';
import { belowVoteThreshold, combineCredits, type Voice, type VerdictContext } from './verdict';

/** Agreement under which a source is not counted: wrong against the others on more than one answer in five. */
const RELIABLE_AGREEMENT = 0.8;
/** Fewer compared answers than this: no measurement (one answer more or less would move the rate by over ten points). */
const MIN_COMPARED = 10;
/** Films in the margin window of the vote-rating rule. */
const WINDOW_FILMS = 25;

/** The sources as the verdict groups them, by input id; statements of any other input are their own source. */
interface VoiceConfig {
  key: string;
  scenesOnly?: boolean;
  endMayPrecedeCredits?: boolean;
  votes?: boolean;
}

export const AFTERCREDITS = 'aftercredits.com';
export const MEDIASTINGER = 'mediastinger.com';
const MEDIASTINGER_VOTES = 'mediastinger.com votes';
const TMDB_KEYWORDS = 'TMDb keywords';

const VOICES: Readonly<Record<string, VoiceConfig>> = {
  // The same site read twice: its posts through the cookiecheck index, its stingers category through Kometa.
  'cookiecheck-aftercredits': { key: AFTERCREDITS },
  'kometa-aftercredits': { key: AFTERCREDITS },
  'cookiecheck-mediastinger': { key: MEDIASTINGER },
  // The site's readers' votes, not its articles: a list of its own.
  'pmm-mediastingers': { key: MEDIASTINGER_VOTES, votes: true },
  'tmdb-keyword-stingers': { key: TMDB_KEYWORDS },
  mcuapi: { key: 'MCU API', scenesOnly: true, endMayPrecedeCredits: true },
  'mcuapi-other': { key: 'MCU API (Sony, Fox)', scenesOnly: true, endMayPrecedeCredits: true },
  // "Does it have end credit scenes? No!": a page about scenes.
  'whats-after-the-movie': { key: "What's After the Movie?", scenesOnly: true },
};

function configOf(inputs: readonly DatasetInput[], s: CreditStatement): VoiceConfig {
  const id = inputs[s.input]?.id;
  return (id === undefined ? undefined : VOICES[id]) ?? { key: s.source };
}

// ---------------------------------------------------------------------------------------------------------------
// Explicit answers.

type Answers = Partial<Record<AgreementQuestion, 'yes' | 'no'>>;

/** One source's explicit answers on one film, from its statements read together. */
export function answersOf(statements: readonly CreditStatement[], config: VoiceConfig): Answers {
  const answers: Answers = {};
  // A source that says both on one question contradicts itself: it answers nothing there.
  const contradicted = new Set<AgreementQuestion>();
  const put = (q: AgreementQuestion, value: Tri): void => {
    if (value === 'unknown' || contradicted.has(q)) return;
    if (answers[q] !== undefined && answers[q] !== value) {
      Reflect.deleteProperty(answers, q);
      contradicted.add(q);
    } else answers[q] = value;
  };
  for (const s of statements) {
    const none = s.any === 'no';
    if (config.scenesOnly) {
      // Its yes is a scene, its no "no scene"; where a yes is placed is a position answer, its silence none.
      put('scene', none ? 'no' : s.any);
      if (s.any === 'yes') put('any', 'yes');
      if (s.mid === 'yes') put('mid', 'yes');
      if (s.post === 'yes') put('post', 'yes');
      continue;
    }
    // "Nothing" is a no on both positions; a row that also places a scene contradicts itself (answers nothing).
    put('any', s.any);
    if (s.mid === 'yes' || s.post === 'yes') put('any', 'yes');
    put('mid', s.mid);
    put('post', s.post);
    if (none) {
      put('mid', 'no');
      put('post', 'no');
    }
    if (none) put('scene', 'no');
    else if (s.content === 'scene') put('scene', 'yes');
    else if (s.content === 'extras') put('scene', 'no');
  }
  return answers;
}

const QUESTIONS: readonly AgreementQuestion[] = ['any', 'mid', 'post', 'scene'];

/** One source's statements on one film, each with how its input is read. */
type SourceGroup = Array<{ statement: CreditStatement; config: VoiceConfig }>;
/** One film's statements by source. */
type FilmSources = Map<string, SourceGroup>;

/** Every film's statements by source: grouped once, answered under each vote threshold (sourceAnswers). */
function filmSources(films: readonly Film[], inputs: readonly DatasetInput[]): FilmSources[] {
  return films.map((film) => {
    const bySource: FilmSources = new Map();
    for (const statement of film.credits.statements) {
      const config = configOf(inputs, statement);
      const group = bySource.get(config.key) ?? [];
      group.push({ statement, config });
      bySource.set(config.key, group);
    }
    return bySource;
  });
}

/**
 * One source's answers on one film, read as its first counted statement's input is; vote entries under
 * `minVoteRating` answer nothing, and a source left without statements gives no answers at all (undefined).
 */
function sourceAnswers(group: SourceGroup, minVoteRating: number | null): Answers | undefined {
  const counted = group.filter(({ statement, config }) => !(config.votes && belowVoteThreshold(statement.voteRating, minVoteRating)));
  const first = counted[0];
  return first === undefined ? undefined : answersOf(counted.map((c) => c.statement), first.config);
}

/** Each film's sources and their answers under `minVoteRating`. */
function filmAnswers(perFilm: readonly FilmSources[], minVoteRating: number | null): Map<string, Answers>[] {
  return perFilm.map((sources) => {
    const answers = new Map<string, Answers>();
    for (const [key, group] of sources) {
      const a = sourceAnswers(group, minVoteRating);
      if (a !== undefined) answers.set(key, a);
    }
    return answers;
  });
}

/** Every pair of sources on every question both answer, over all films. */
export function measureAgreement(perFilm: readonly Map<string, Answers>[]): SourcePairAgreement[] {
  const tally = new Map<string, SourcePairAgreement>();
  for (const sources of perFilm) {
    const keys = [...sources.keys()].sort();
    for (let i = 0; i < keys.length; i++) {
      for (let j = i + 1; j < keys.length; j++) {
        const a = keys[i] ?? '';
        const b = keys[j] ?? '';
        const x = sources.get(a) ?? {};
        const y = sources.get(b) ?? {};
        for (const question of QUESTIONS) {
          const ax = x[question];
          const by = y[question];
          if (ax === undefined || by === undefined) continue;
          const id = `${a}\u0000${b}\u0000${question}`;
          const row = tally.get(id) ?? { a, b, question, films: 0, agree: 0 };
          row.films++;
          if (ax === by) row.agree++;
          tally.set(id, row);
        }
      }
    }
  }
  return [...tally.values()].sort((p, q) => (p.a < q.a ? -1 : p.a > q.a ? 1 : p.b < q.b ? -1 : p.b > q.b ? 1 : QUESTIONS.indexOf(p.question) - QUESTIONS.indexOf(q.question)));
}

/**
 * Two sources' agreement on one question over the films both answer it on, vote entries not counted (zeros when
 * they never met).
 */
function pairAgreement(perFilm: readonly FilmSources[], x: string, y: string, question: AgreementQuestion): { films: number; agree: number } {
  let films = 0;
  let agree = 0;
  for (const sources of perFilm) {
    const answer = (key: string): 'yes' | 'no' | undefined => {
      const group = sources.get(key);
      return group === undefined ? undefined : sourceAnswers(group, null)?.[question];
    };
    const ax = answer(x);
    const ay = answer(y);
    if (ax === undefined || ay === undefined) continue;
    films++;
    if (ax === ay) agree++;
  }
  return { films, agree };
}

// ---------------------------------------------------------------------------------------------------------------
// Rule 1: the vote rating from which a list entry counts.

/** aftercredits.com's "anything during or after the credits?" per vote rating of the list's entries. */
function voteRatingTable(films: readonly Film[], inputs: readonly DatasetInput[]): VoteRatingMeasure['byRating'] {
  const byRating = new Map<number, { yes: number; no: number }>();
  for (const film of films) {
    const votes = film.credits.statements.find((s) => configOf(inputs, s).votes && s.voteRating !== undefined);
    if (votes?.voteRating === undefined) continue;
    const ac = answersOf(
      film.credits.statements.filter((s) => configOf(inputs, s).key === AFTERCREDITS),
      { key: AFTERCREDITS },
    ).any;
    if (ac === undefined) continue;
    const row = byRating.get(votes.voteRating) ?? { yes: 0, no: 0 };
    row[ac]++;
    byRating.set(votes.voteRating, row);
  }
  return [...byRating].sort((a, b) => a[0] - b[0]).map(([rating, r]) => ({ rating, ...r }));
}

/** The lowest rating whose margin window and whose whole tail agree at least `bar` (see the file comment). */
export function voteThreshold(byRating: VoteRatingMeasure['byRating'], bar: number, windowFilms = WINDOW_FILMS): number | null {
  for (let i = 0; i < byRating.length; i++) {
    let wYes = 0;
    let wAll = 0;
    for (let j = i; j < byRating.length && wAll < windowFilms; j++) {
      wYes += byRating[j]?.yes ?? 0;
      wAll += (byRating[j]?.yes ?? 0) + (byRating[j]?.no ?? 0);
    }
    if (wAll < windowFilms) return null; // too few entries left to judge
    const tail = byRating.slice(i);
    const tYes = tail.reduce((n, r) => n + r.yes, 0);
    const tAll = tail.reduce((n, r) => n + r.yes + r.no, 0);
    if (wYes / wAll >= bar && tYes / tAll >= bar) return byRating[i]?.rating ?? null;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------------------
// Rule 2: weights.

interface Tallies {
  all: AnswerTally;
  yes: AnswerTally;
  no: AnswerTally;
}

/** Sources that give both answers to a question somewhere in the data: only they can confirm or deny a kind. */
function twoSided(perFilm: readonly Map<string, Answers>[]): Set<string> {
  const seen = new Map<string, Set<string>>();
  for (const sources of perFilm) {
    for (const [key, answers] of sources) {
      for (const q of QUESTIONS) {
        const a = answers[q];
        if (a === undefined) continue;
        const id = `${key}\u0000${q}`;
        seen.set(id, (seen.get(id) ?? new Set<string>()).add(a));
      }
    }
  }
  return new Set([...seen].filter(([, kinds]) => kinds.size === 2).map(([id]) => id));
}

/**
 * Each source's answers compared with every other source's on the same film and question, by kind. A kind is
 * tallied only against sources that give both answers to that question: a positive-only list meets a "no" only
 * where it disagrees (its silence elsewhere is no answer), so counting it would measure the list, not the "no".
 */
function talliesOf(perFilm: readonly Map<string, Answers>[]): Map<string, Tallies> {
  const explicit = twoSided(perFilm);
  const out = new Map<string, Tallies>();
  const tally = (key: string, mine: 'yes' | 'no', theirs: 'yes' | 'no', byKind: boolean): void => {
    const t = out.get(key) ?? { all: { compared: 0, agree: 0 }, yes: { compared: 0, agree: 0 }, no: { compared: 0, agree: 0 } };
    const same = mine === theirs ? 1 : 0;
    t.all.compared++;
    t.all.agree += same;
    if (byKind) {
      t[mine].compared++;
      t[mine].agree += same;
    }
    out.set(key, t);
  };
  for (const sources of perFilm) {
    for (const [a, x] of sources) {
      for (const [b, y] of sources) {
        if (a === b) continue;
        for (const q of QUESTIONS) {
          const ax = x[q];
          const by = y[q];
          if (ax !== undefined && by !== undefined) tally(a, ax, by, explicit.has(`${b}\u0000${q}`));
        }
      }
    }
  }
  return out;
}

const rate = (t: AnswerTally): number => Math.round((t.agree / t.compared) * 10000) / 10000;
const reliable = (t: AnswerTally): boolean => t.compared < MIN_COMPARED || rate(t) >= RELIABLE_AGREEMENT;

function weightsOf(perFilm: readonly Map<string, Answers>[], inputs: readonly DatasetInput[], films: readonly Film[]): CreditSourceWeight[] {
  const inputsOf = new Map<string, Set<string>>();
  for (const film of films) {
    for (const s of film.credits.statements) {
      const key = configOf(inputs, s).key;
      const set = inputsOf.get(key) ?? new Set<string>();
      set.add(inputs[s.input]?.id ?? '');
      inputsOf.set(key, set);
    }
  }
  const tallies = talliesOf(perFilm);
  const none: AnswerTally = { compared: 0, agree: 0 };
  return [...inputsOf.keys()].sort().map((key) => {
    const t = tallies.get(key) ?? { all: none, yes: none, no: none };
    const measured = t.all.compared >= MIN_COMPARED;
    return {
      key,
      inputs: [...(inputsOf.get(key) ?? [])].sort(),
      compared: t.all.compared,
      agree: t.all.agree,
      weight: measured ? rate(t.all) : 1,
      measured,
      yes: t.yes,
      no: t.no,
      reliableYes: reliable(t.yes),
      reliableNo: reliable(t.no),
    };
  });
}

/** Measures the sources on the merged films (whatever verdict they carry now). */
function measureCredits(films: readonly Film[], inputs: readonly DatasetInput[]): CreditsMeasure {
  const sources = filmSources(films, inputs);
  // The bar of rule 1 comes from sources that do not depend on it: TMDb's keywords against aftercredits.com.
  const reference = pairAgreement(sources, TMDB_KEYWORDS, AFTERCREDITS, 'any');
  const bar = reference.films > 0 ? rate({ compared: reference.films, agree: reference.agree }) : 1;
  const byRating = voteRatingTable(films, inputs);
  const threshold = voteThreshold(byRating, bar);
  const perFilm = filmAnswers(sources, threshold);
  return {
    reliableAgreement: RELIABLE_AGREEMENT,
    minCompared: MIN_COMPARED,
    sources: weightsOf(perFilm, inputs, films),
    agreement: measureAgreement(perFilm),
    voteRating: { bar, reference, windowFilms: WINDOW_FILMS, threshold, byRating },
  };
}

/** The verdict's reading of each statement under a measurement (the build's, or one read back from a manifest). */
export function contextOf(measure: CreditsMeasure, inputs: readonly DatasetInput[]): VerdictContext {
  const weights = new Map(measure.sources.map((w) => [w.key, w]));
  const cache = new Map<string, Voice>();
  return {
    voiceOf: (s) => {
      const config = configOf(inputs, s);
      const held = cache.get(config.key);
      if (held) return held;
      const w = weights.get(config.key);
      const voice: Voice = {
        key: config.key,
        reliableYes: w?.reliableYes ?? true,
        reliableNo: w?.reliableNo ?? true,
        ...(config.scenesOnly && { scenesOnly: true }),
        ...(config.endMayPrecedeCredits && { endMayPrecedeCredits: true }),
        // No qualifying rating: no entry counts.
        ...(config.votes && { minVoteRating: measure.voteRating.threshold ?? Number.POSITIVE_INFINITY }),
      };
      cache.set(config.key, voice);
      return voice;
    },
  };
}

/** Measures, then gives every film the verdict its statements support under that measurement. */
export function applyCreditsMeasure(films: Film[], inputs: readonly DatasetInput[]): CreditsMeasure {
  const measure = measureCredits(films, inputs);
  const context = contextOf(measure, inputs);
  for (const film of films) film.credits = combineCredits(stripReadings(film.credits.statements), context);
  return measure;
}

/** Statements as the sources made them, without an earlier verdict's readings. */
export function stripReadings(statements: readonly CreditStatement[]): CreditStatement[] {
  return statements.map(({ reading: _reading, ...s }) => s);
}
