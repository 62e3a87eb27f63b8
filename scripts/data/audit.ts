/**
 * The evidence behind the verdicts, computed from a built dataset (`npm run data:audit`):
 * - each source's agreement with each other source (explicit answers only) and the weights derived from it;
 * - the measurements behind each reading rule (mediastinger.com's answers against aftercredits.com's positions,
 *   aftercredits.com's categories against its own flags, the vote-rating table);
 * - how many verdicts each rule changed and in which direction: every film's verdict again with that one rule
 *   undone (the measured weights held), compared with the built one;
 * - conflicts by cause, `some` verdicts by the sources they rest on, films with extras only, titles fixed, ids
 *   taken off;
 * - with an earlier dataset: every film whose state changed, and the rules that account for it.
 * Pure: the CLI (scripts/data-audit.ts) reads the files and prints `formatAudit`.
 */
import type { CreditsState, CreditStatement, Dataset, DatasetInput, Film } from '../../lib/core/schema';
import { combineCredits, combineCreditsDetailed, type VerdictContext } from './verdict';
import { AFTERCREDITS, answersOf, contextOf, MEDIASTINGER, stripReadings } from './credit-measure';
import { INFERRED_ID, NOT_CONFIRMED, NOT_CONFIRMED_MARK } from './id-checks';

export type RuleId =
  | 'vote-threshold'
  | 'mediastinger-yes'
  | 'extras'
  | 'aftercredits-categories'
  | 'weights'
  | 'mcuapi'
  | 'self-contradiction';

export const RULES: ReadonlyArray<{ id: RuleId; says: string }> = [
  { id: 'vote-threshold', says: 'mediastinger.com vote-list entries under the measured rating are no evidence' },
  { id: 'mediastinger-yes', says: 'mediastinger.com "after the credits: yes" is a scene during or after the credits, position unknown' },
  { id: 'extras', says: 'aftercredits.com tags: footage is a scene, extras (sound, text, stills, dedication, music, credits gag) are not' },
  { id: 'aftercredits-categories', says: "aftercredits.com's categories (During / After / Both) answer the position they leave out: no" },
  { id: 'weights', says: "a source's yes or no answers below the measured reliability bar are not counted" },
  { id: 'mcuapi', says: 'the MCU API counts and places the Marvel films\u2019 scenes (its 0 is "no scene")' },
  { id: 'self-contradiction', says: 'a source that says yes and no to one question answers nothing there (was: conflict)' },
];

/** "from → to": films whose state is `from` with the rule undone and `to` as built. */
export type Transitions = Record<string, number>;

export interface AuditReport {
  states: Record<CreditsState, number>;
  films: number;
  rules: Array<{ id: RuleId; says: string; changed: number; transitions: Transitions }>;
  idsRetied: { statements: number; transitions: Transitions };
  conflictsByCause: Record<string, number>;
  someBySource: Record<string, number>;
  extrasOnly: { films: number; byExtra: Record<string, number> };
  extrasWithScenes: number;
  readings: Record<string, number>;
  mediastingerVsAftercredits: Record<string, number>;
  categoriesVsFlags: { films: number; agree: number };
  before?: BeforeAfter;
}

export interface BeforeAfter {
  states: Record<string, number>;
  /** "from → to" over films present in both (by id). */
  transitions: Transitions;
  /** Per transition, the rules whose undoing alone gives the earlier state ("+" joins rules that all do). */
  explained: Record<string, Record<string, number>>;
  /** Films only in the earlier or only in the new dataset. */
  removed: number;
  added: number;
  changed: Array<{ id: string; title: string; from: string; to: string; rules: string[] }>;
}

function bump(record: Record<string, number>, key: string, n = 1): void {
  record[key] = (record[key] ?? 0) + n;
}

type Transform = (statements: CreditStatement[], inputs: readonly DatasetInput[]) => CreditStatement[];

const inputIs = (inputs: readonly DatasetInput[], s: CreditStatement, ...ids: string[]): boolean => ids.includes(inputs[s.input]?.id ?? '');

/** Each rule undone: the statements or the reading as they were before it. */
function undo(rule: Exclude<RuleId, 'self-contradiction'>, context: VerdictContext): { transform?: Transform; context?: VerdictContext } {
  switch (rule) {
    case 'vote-threshold':
      return {
        context: {
          voiceOf: (s) => {
            const { minVoteRating, ...voice } = context.voiceOf(s);
            return minVoteRating === undefined ? voice : { ...voice, minVoteRating: Number.NEGATIVE_INFINITY };
          },
        },
      };
    case 'weights':
      return { context: { voiceOf: (s) => ({ ...context.voiceOf(s), reliableYes: true, reliableNo: true }) } };
    case 'mediastinger-yes':
      return {
        transform: (st, inputs) =>
          st.map((s) => (inputIs(inputs, s, 'cookiecheck-mediastinger') && s.any === 'yes' && s.post === 'unknown' ? { ...s, post: 'yes' } : s)),
      };
    case 'extras':
      return { transform: (st) => st.map(({ content: _c, extras: _e, ...s }) => s) };
    case 'aftercredits-categories':
      return {
        transform: (st, inputs) =>
          st.map((s) =>
            inputIs(inputs, s, 'kometa-aftercredits') ? { ...s, mid: s.mid === 'no' ? 'unknown' : s.mid, post: s.post === 'no' ? 'unknown' : s.post } : s,
          ),
      };
    case 'mcuapi':
      return { transform: (st, inputs) => st.filter((s) => !inputIs(inputs, s, 'mcuapi', 'mcuapi-other')) };
  }
}

/** `statements`: the film's statements without their readings (stripReadings). */
function stateWith(film: Film, statements: CreditStatement[], inputs: readonly DatasetInput[], context: VerdictContext, rule: RuleId): CreditsState {
  // Before this rule a source contradicting itself made the film a conflict.
  if (rule === 'self-contradiction') return film.credits.statements.some((s) => s.reading === 'self-contradictory') ? 'conflict' : film.credits.state;
  const u = undo(rule, context);
  return combineCredits(u.transform ? u.transform(statements, inputs) : statements, u.context ?? context).state;
}

/** The film's state with each rule undone alone; `statements` as for stateWith. */
function statesWithout(film: Film, statements: CreditStatement[], inputs: readonly DatasetInput[], context: VerdictContext): Record<RuleId, CreditsState> {
  return Object.fromEntries(RULES.map((r) => [r.id, stateWith(film, statements, inputs, context, r.id)])) as Record<RuleId, CreditsState>;
}

/** An inferred id the check rejected (scripts/data/id-checks.ts). */
const REJECTED_INFERRED_ID = new RegExp(`${INFERRED_ID.source}.*${NOT_CONFIRMED_MARK}`);

const arrow = (from: string, to: string): string => `${from} → ${to}`;

/** Voices (source keys) of a film's statements that say "something somewhere" and are counted. */
function someSources(film: Film, context: VerdictContext): string[] {
  const keys = new Set<string>();
  for (const s of film.credits.statements) {
    if (s.reading) continue;
    if (s.any === 'yes' && s.mid !== 'yes' && s.post !== 'yes') keys.add(context.voiceOf(s).key);
  }
  return [...keys].sort();
}

export function auditDataset(dataset: Dataset, before?: ReadonlyArray<{ id: string; title: string; state: string }>): AuditReport {
  const { films, manifest } = dataset;
  const inputs = manifest.inputs;
  if (!manifest.credits) throw new Error('this dataset has no credits measurement (built before format 2): rebuild it with npm run data:build');
  const context = contextOf(manifest.credits, inputs);

  const report: AuditReport = {
    states: { ...manifest.counts.creditsByState },
    films: films.length,
    rules: RULES.map((r) => ({ ...r, changed: 0, transitions: {} })),
    idsRetied: { statements: 0, transitions: {} },
    conflictsByCause: {},
    someBySource: {},
    extrasOnly: { films: 0, byExtra: {} },
    extrasWithScenes: 0,
    readings: {},
    mediastingerVsAftercredits: {},
    categoriesVsFlags: { films: 0, agree: 0 },
  };

  const byId = new Map(films.map((f) => [f.id, f]));
  const withStatements = films.filter((f) => f.credits.statements.length > 0);
  /** Each film's states with each rule undone, kept for the comparison with an earlier dataset. */
  const undone = new Map<Film, Record<RuleId, CreditsState>>();
  for (const film of withStatements) {
    const state = film.credits.state;
    const statements = stripReadings(film.credits.statements);
    const states = statesWithout(film, statements, inputs, context);
    undone.set(film, states);
    for (const rule of report.rules) {
      const without = states[rule.id];
      if (without === state) continue;
      rule.changed++;
      bump(rule.transitions, arrow(without, state));
    }
    for (const s of film.credits.statements) if (s.reading) bump(report.readings, s.reading);

    if (state === 'conflict') {
      const { conflicts } = combineCreditsDetailed(statements, context);
      for (const c of conflicts) bump(report.conflictsByCause, `${c.kind} (${c.position}): ${c.yes.join(' + ')} yes, ${c.no.join(' + ')} no`);
    }
    if (state === 'some') bump(report.someBySource, someSources(film, context).join(' + ') || '(none counted)');
    if (state === 'none' && film.credits.extras.length > 0) {
      report.extrasOnly.films++;
      for (const e of film.credits.extras) bump(report.extrasOnly.byExtra, e);
    }
    if (['mid', 'post', 'mid-post', 'some'].includes(state) && film.credits.extras.length > 0) report.extrasWithScenes++;

    // mediastinger.com's two answers against aftercredits.com's explicit positions.
    const ms = film.credits.statements.filter((s) => inputIs(inputs, s, 'cookiecheck-mediastinger'));
    const ac = film.credits.statements.filter((s) => context.voiceOf(s).key === AFTERCREDITS);
    if (ms.length > 0 && ac.length > 0) {
      const msAnswer = ms.some((s) => s.any === 'yes') ? 'yes' : ms.some((s) => s.post === 'no') ? 'no (after)' : undefined;
      const a = answersOf(ac, { key: AFTERCREDITS });
      const acAnswer =
        a.any === 'no' ? 'nothing' : a.mid === 'yes' && a.post === 'yes' ? 'during + after' : a.mid === 'yes' && a.post === 'no' ? 'during only' : a.post === 'yes' && a.mid === 'no' ? 'after only' : 'something, not placed';
      if (msAnswer) bump(report.mediastingerVsAftercredits, `${MEDIASTINGER} ${msAnswer} / ${AFTERCREDITS} ${acAnswer}`);
    }
    // aftercredits.com's categories (the Kometa mirror) against its own flags (the cookiecheck index).
    const kometa = film.credits.statements.filter((s) => inputIs(inputs, s, 'kometa-aftercredits') && (s.mid !== 'unknown' || s.post !== 'unknown'));
    const flags = film.credits.statements.filter((s) => inputIs(inputs, s, 'cookiecheck-aftercredits') && s.any === 'yes');
    if (kometa[0] && flags[0]) {
      report.categoriesVsFlags.films++;
      if (kometa[0].mid === flags[0].mid && kometa[0].post === flags[0].post) report.categoriesVsFlags.agree++;
    }

    // Posts whose inferred id was not confirmed: the film the id names, with and without them.
    for (const s of film.credits.statements) {
      if (!REJECTED_INFERRED_ID.test(s.idMatch ?? '')) continue;
      report.idsRetied.statements++;
      const id = /(tt\d+)/.exec(s.idMatch?.split(NOT_CONFIRMED_MARK)[1] ?? '')?.[1];
      const wrong = id === undefined ? undefined : byId.get(id);
      if (wrong) {
        const tied = combineCredits([...stripReadings(wrong.credits.statements), ...stripReadings([s])], context).state;
        if (tied !== wrong.credits.state) bump(report.idsRetied.transitions, `${arrow(tied, wrong.credits.state)} (the film the id names)`);
      }
      const untied = combineCredits(stripReadings(film.credits.statements.filter((x) => x !== s)), context).state;
      if (untied !== state) bump(report.idsRetied.transitions, `${arrow(untied, state)} (the post's own film)`);
    }
  }

  if (before) report.before = compareBefore(before, films, (film) => undone.get(film) ?? statesWithout(film, stripReadings(film.credits.statements), inputs, context));
  return report;
}

function compareBefore(
  before: ReadonlyArray<{ id: string; title: string; state: string }>,
  films: readonly Film[],
  statesOf: (film: Film) => Record<RuleId, CreditsState>,
): BeforeAfter {
  const old = new Map(before.map((f) => [f.id, f]));
  const now = new Set(films.map((f) => f.id));
  const out: BeforeAfter = { states: {}, transitions: {}, explained: {}, removed: 0, added: 0, changed: [] };
  for (const f of before) {
    bump(out.states, f.state);
    if (!now.has(f.id)) out.removed++;
  }
  for (const film of films) {
    const was = old.get(film.id);
    if (!was) {
      out.added++;
      continue;
    }
    const to = film.credits.state;
    if (was.state === to) continue;
    const key = arrow(was.state, to);
    bump(out.transitions, key);
    const states = statesOf(film);
    const rules = RULES.filter((r) => states[r.id] === was.state).map((r) => r.id);
    const why = rules.length > 0 ? rules.join(' | ') : explainByStatements(film);
    out.explained[key] = out.explained[key] ?? {};
    bump(out.explained[key], why);
    out.changed.push({ id: film.id, title: film.title, from: was.state, to, rules: rules.length > 0 ? rules : [why] });
  }
  return out;
}

/** A change no single rule accounts for: say what about the film's statements did (ids re-tied, rules together). */
function explainByStatements(film: Film): string {
  if (film.credits.statements.some((s) => (s.idMatch ?? '').includes(NOT_CONFIRMED))) return 'inferred ids';
  return 'several rules together';
}

// ---------------------------------------------------------------------------------------------------------------
// Text.

function table(rows: string[][]): string[] {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i] ?? 0))).join('  ').trimEnd());
}

const pct = (agree: number, n: number): string => (n === 0 ? '-' : `${((agree / n) * 100).toFixed(1)} %`);
const sorted = (r: Record<string, number>): [string, number][] => Object.entries(r).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));

export function formatAudit(dataset: Dataset, report: AuditReport): string {
  const m = dataset.manifest.credits;
  const checks = dataset.manifest.checks;
  const lines: string[] = [];
  const h = (title: string): void => {
    lines.push('', title, '-'.repeat(title.length));
  };
  lines.push(`dataset ${dataset.manifest.version}: ${report.films.toLocaleString('en')} films; verdicts: ${sorted(report.states).map(([k, n]) => `${k} ${n.toLocaleString('en')}`).join(', ')}`);

  if (m) {
    h('Agreement between sources (explicit answers only; films where both answer)');
    lines.push(...table([['source A', 'source B', 'question', 'films', 'agree', 'rate'], ...m.agreement.map((r) => [r.a, r.b, r.question, String(r.films), String(r.agree), pct(r.agree, r.films)])]));
    h(`Weights (answers of a kind count at ${pct(m.reliableAgreement, 1)} agreement or more; under ${m.minCompared} compared: not measured, counted)`);
    lines.push(
      ...table([
        ['source', 'all answers', 'yes answers', 'no answers', 'counted'],
        ...m.sources.map((s) => [
          s.key,
          `${s.agree}/${s.compared} ${pct(s.agree, s.compared)}`,
          `${s.yes.agree}/${s.yes.compared} ${pct(s.yes.agree, s.yes.compared)}`,
          `${s.no.agree}/${s.no.compared} ${pct(s.no.agree, s.no.compared)}`,
          [s.reliableYes ? 'yes' : '', s.reliableNo ? 'no' : ''].filter(Boolean).join(' + ') || 'neither',
        ]),
      ]),
    );
    const v = m.voteRating;
    h('mediastinger.com vote list against aftercredits.com ("anything during or after the credits?")');
    lines.push(`bar: TMDb keywords' agreement with aftercredits.com, ${v.reference.agree}/${v.reference.films} = ${pct(v.reference.agree, v.reference.films)}; window ${v.windowFilms} films`);
    lines.push(`threshold: ${v.threshold === null ? 'none qualifies (no entry counts)' : `vote rating ${v.threshold} and up`}`);
    const bands = [
      ['<= 0', (r: number) => r <= 0],
      [`1-${(v.threshold ?? 1) - 1}`, (r: number) => r >= 1 && r < (v.threshold ?? 1)],
      [`${v.threshold ?? '-'}-9`, (r: number) => r >= (v.threshold ?? 10) && r <= 9],
      ['10-49', (r: number) => r >= 10 && r <= 49],
      ['>= 50', (r: number) => r >= 50],
    ] as const;
    lines.push(
      ...table([
        ['vote rating', 'aftercredits yes', 'aftercredits no', 'agreement'],
        ...bands.map(([label, inBand]) => {
          const rows = v.byRating.filter((r) => inBand(r.rating));
          const yes = rows.reduce((n, r) => n + r.yes, 0);
          const no = rows.reduce((n, r) => n + r.no, 0);
          return [label, String(yes), String(no), pct(yes, yes + no)];
        }),
      ]),
    );
  }

  h('mediastinger.com answers against aftercredits.com (why its yes has no position)');
  lines.push(...sorted(report.mediastingerVsAftercredits).map(([k, n]) => `${String(n).padStart(5)}  ${k}`));
  lines.push(`aftercredits.com categories (Kometa) against its index flags: ${report.categoriesVsFlags.agree}/${report.categoriesVsFlags.films} films agree on both positions`);

  h('What each rule changed (the rule undone alone → as built)');
  for (const r of report.rules) {
    lines.push(`${r.id}: ${r.says}`);
    lines.push(`  ${r.changed} films${r.changed > 0 ? `: ${sorted(r.transitions).map(([k, n]) => `${k} ${n}`).join(', ')}` : ''}`);
  }
  if (checks) {
    lines.push(`inferred ids: ${checks.inferredIds.confirmed} alignment claims confirmed by an independent title and year, ${checks.inferredIds.rejected} not (the post stays a film of its own)`);
    lines.push(`  ${report.idsRetied.statements} posts re-tied${report.idsRetied.statements > 0 ? `: ${sorted(report.idsRetied.transitions).map(([k, n]) => `${k} ${n}`).join(', ')}` : ''}`);
    for (const e of checks.inferredIds.examples.filter((x) => x.knownAs).slice(0, 12)) lines.push(`  "${e.title}"${e.year ? ` ${e.year}` : ''} was on ${e.imdbId}, which is ${e.knownAs}`);
    const t = checks.titles;
    lines.push(`titles: ${t.fromSource} lower-case titles cased as another source spells them, ${t.byRule} by the title-case rule; ${t.untitled} films without a title left out (their statements: ${sorted(t.untitledStatements).map(([k, n]) => `${k} ${n}`).join(', ') || 'none'})`);
  }
  h('Statements not counted as stated');
  lines.push(...sorted(report.readings).map(([k, n]) => `${String(n).padStart(5)}  ${k}`));

  h('Conflicts by cause');
  lines.push(...sorted(report.conflictsByCause).map(([k, n]) => `${String(n).padStart(5)}  ${k}`));
  h('"some" verdicts by the sources they rest on');
  lines.push(...sorted(report.someBySource).map(([k, n]) => `${String(n).padStart(5)}  ${k}`));
  h('Extras');
  lines.push(`${report.extrasOnly.films} films with extras only (state none): ${sorted(report.extrasOnly.byExtra).map(([k, n]) => `${k} ${n}`).join(', ')}`);
  lines.push(`${report.extrasWithScenes} films with a scene and extras too`);

  if (report.before) {
    const b = report.before;
    h('Against the earlier dataset');
    lines.push(`earlier: ${sorted(b.states).map(([k, n]) => `${k} ${n.toLocaleString('en')}`).join(', ')}`);
    lines.push(`films only in the earlier dataset: ${b.removed}; only in this one: ${b.added}`);
    for (const [k, n] of sorted(b.transitions)) {
      lines.push(`${String(n).padStart(5)}  ${k}: ${sorted(b.explained[k] ?? {}).map(([why, c]) => `${why} ${c}`).join('; ')}`);
    }
  }
  return lines.join('\n');
}
