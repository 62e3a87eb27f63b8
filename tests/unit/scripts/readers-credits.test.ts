import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreditStatement } from '../../../lib/core/schema';
import { combineCredits } from '../../../scripts/data/verdict';
import {
  CREDITS_FACTS_FILE,
  cookiecheckAftercreditsReader,
  cookiecheckMediastingerReader,
  creditsFactsReaders,
  kometaAftercreditsReader,
  pmmMediastingersReader,
  decodeAftercreditsKey,
  readAftercreditsTags,
  sourceLabel,
  tagsOfNote,
  titleWithSlugArticle,
  tmdbKeywordStingersReader,
} from '../../../scripts/data/readers/credits-facts';
import { whatsAfterTheMovieCreditsReader } from '../../../scripts/data/readers/whats-after-the-movie-credits';
import { BuildReport, DataError, type SourceReader, type SourceRecord } from '../../../scripts/data/types';
import { SHARED_DATA } from '../../helpers/shared-data';

const SOURCES_DIR = SHARED_DATA;

async function readAll(reader: SourceReader, dir = SOURCES_DIR): Promise<{ records: SourceRecord[]; report: BuildReport }> {
  const report = new BuildReport();
  const records = await reader.read(dir, report);
  return { records, report };
}

function atLine(records: SourceRecord[], line: number): SourceRecord {
  const r = records.find((x) => x.line === line);
  if (!r) throw new Error(`no record at line ${line}`);
  return r;
}

describe('credits_facts.csv readers on the real file', () => {
  const byId = new Map<string, SourceRecord[]>();

  beforeAll(async () => {
    for (const reader of [...creditsFactsReaders, whatsAfterTheMovieCreditsReader]) {
      const { records, report } = await readAll(reader);
      expect(report.skippedTotal).toBe(0);
      byId.set(reader.input.id, records);
    }
  });

  it('reads every statement of every source (10,032 rows) with one input per real origin', () => {
    const counts = Object.fromEntries([...byId].map(([id, r]) => [id, r.length]));
    expect(counts).toEqual({
      'cookiecheck-aftercredits': 6719,
      'cookiecheck-mediastinger': 202,
      'kometa-aftercredits': 2079,
      'pmm-mediastingers': 452,
      'tmdb-keyword-stingers': 580,
      'whats-after-the-movie': 1,
    });
    for (const reader of creditsFactsReaders) expect(reader.input.file).toBe(CREDITS_FACTS_FILE);
    expect(kometaAftercreditsReader.input.licence).toMatch(/^MIT/);
    expect(pmmMediastingersReader.input.licence).toMatch(/^MIT/);
    expect(tmdbKeywordStingersReader.input.licence).toMatch(/CC0/);
    expect(cookiecheckAftercreditsReader.input.licence).toMatch(/not stated/);
  });

  it('aftercredits.com: Never Let Me Go (line 5645) with url, post month as asOf and id_match', () => {
    const r = atLine(byId.get('cookiecheck-aftercredits') ?? [], 5645);
    expect(r).toMatchObject({ title: 'never let me go', year: 2010, imdbId: 'tt1334260', tmdbId: 42188 });
    expect(r.credits).toEqual([
      {
        source: 'aftercredits.com',
        any: 'yes',
        mid: 'no',
        post: 'yes',
        url: 'https://aftercredits.com/2011/10/never-let-me-go-2010/',
        asOf: '2011-10',
        idMatch: 'title+year via imdb_5000/ml25m/tmdb_5000',
        input: 0,
      },
    ]);
  });

  it('aftercredits.com: the self-contradicting "no" row is kept as stated, and answers nothing on that question', () => {
    const branded = atLine(byId.get('cookiecheck-aftercredits') ?? [], 4857);
    expect(branded.imdbId).toBe('tt1368440');
    expect(branded.credits?.[0]).toMatchObject({
      any: 'no',
      mid: 'yes',
      post: 'no',
      note: 'inconsistent_no_with_scene_flag',
    });
    // Never a silent "no", never a "stay", and not "sources disagree" either: one source with a typo.
    const v = combineCredits(branded.credits ?? []);
    expect(v).toMatchObject({ state: 'unknown', mid: 'unknown', post: 'unknown' });
    expect(v.statements[0]?.reading).toBe('self-contradictory');
  });

  it('mediastinger.com feed "no" only covers its after-credits category', () => {
    const odyssey = atLine(byId.get('cookiecheck-mediastinger') ?? [], 6721);
    expect(odyssey).toMatchObject({ title: 'odyssey', year: 2026 });
    expect(odyssey.credits?.[0]).toMatchObject({
      source: 'mediastinger.com',
      any: 'unknown',
      mid: 'unknown',
      post: 'no',
      url: 'https://mediastinger.com/the-odyssey-2026-after-the-credits/',
      asOf: '2026-09-10',
    });
  });

  it('Kometa: positive-only, repo path not used as url, last snapshot as asOf', () => {
    const kometa = byId.get('kometa-aftercredits') ?? [];
    const nlmg = atLine(kometa, 7564);
    expect(nlmg).toMatchObject({ title: 'Never Let Me Go', imdbId: 'tt1334260' });
    // Filed under After Credits only: the during-credits position is a no, as in the site's own flags.
    expect(nlmg.credits?.[0]).toEqual({
      source: 'aftercredits.com',
      any: 'yes',
      mid: 'no',
      post: 'yes',
      asOf: '2026-08-22',
      idMatch: 'source imdb_id; title via ml25m',
      note: 'tags=After Credits',
      input: 0,
    });
    // Its title came from MovieLens (build-time joins only): it never becomes a film's shown title.
    expect(nlmg.titleHidden).toBe(true);
    // National Lampoon's Vacation left the list after the 2026-08-21 snapshot.
    expect(atLine(kometa, 6955).credits?.[0]?.asOf).toBe('2026-08-21');
    expect(kometa.every((r) => r.credits?.[0]?.url === undefined)).toBe(true);
    expect(kometa.filter((r) => r.title === '')).toHaveLength(50);
  });

  it('PMM: TMDb title from the note becomes an alt title; Hellboy (2019) last listed in 2023', () => {
    const pmm = byId.get('pmm-mediastingers') ?? [];
    const cityOfGod = atLine(pmm, 9073);
    expect(cityOfGod).toMatchObject({ title: 'City of God', tmdbId: 598 });
    expect(cityOfGod.altTitles).toBeUndefined(); // same title, only the year differs
    const grimsby = pmm.find((r) => r.title === 'The Brothers Grimsby');
    expect(grimsby?.altTitles).toEqual(['Grimsby']);
    expect(grimsby?.credits?.[0]?.note).toBeUndefined();
    expect(atLine(pmm, 9149).credits?.[0]).toMatchObject({
      source: 'mediastinger.com',
      any: 'yes',
      mid: 'unknown',
      post: 'unknown',
      asOf: '2023-03-04',
    });
  });

  it('mediastinger.com: "after the credits: yes" has no position; its "no" stays an after-credits no', () => {
    const ms = byId.get('cookiecheck-mediastinger') ?? [];
    // The file states the yes as post=yes (line 6733): the site's yes covers during the credits too.
    expect(atLine(ms, 6733).credits?.[0]).toMatchObject({ any: 'yes', mid: 'unknown', post: 'unknown' });
    expect(atLine(ms, 6721).credits?.[0]).toMatchObject({ any: 'unknown', mid: 'unknown', post: 'no' });
    expect(ms.every((r) => r.credits?.[0]?.post !== 'yes')).toBe(true);
  });

  it("aftercredits.com's tags: footage is a scene, an extra is not, both named is mixed", () => {
    const kometa = byId.get('kometa-aftercredits') ?? [];
    const byImdb = (id: string): SourceRecord | undefined => kometa.find((r) => r.imdbId === id);
    // The Matrix: "After Credits|Informative": text only.
    expect(atLine(kometa, 7033).credits?.[0]).toMatchObject({ mid: 'no', post: 'yes', content: 'extras', extras: ['text'] });
    // Avengers: Endgame: "After Credits|Audio|Bonus Scene" (and a poll): a scene and a sound, not said which.
    expect(byImdb('tt4154796')?.credits?.[0]).toMatchObject({ mid: 'no', post: 'yes', content: 'mixed', extras: ['audio'] });
    // Guardians of the Galaxy: both positions, a bonus scene, humorous credits.
    expect(byImdb('tt2015381')?.credits?.[0]).toMatchObject({ mid: 'yes', post: 'yes', content: 'mixed', extras: ['credits-gag'] });
    // Tags that say neither (Sequel Setup, polls) leave the content unsaid.
    expect(byImdb('tt1334260')?.credits?.[0]?.content).toBeUndefined();
  });

  it('mediastinger.com vote list: each entry carries its vote rating', () => {
    const pmm = byId.get('pmm-mediastingers') ?? [];
    expect(atLine(pmm, 9285)).toMatchObject({ title: "Schindler's List", imdbId: 'tt0108052' });
    expect(atLine(pmm, 9285).credits?.[0]?.voteRating).toBe(2);
    expect(pmm.find((r) => r.title === 'The Shawshank Redemption')?.credits?.[0]?.voteRating).toBe(2);
    expect(pmm.find((r) => r.title === '22 Jump Street')?.credits?.[0]?.voteRating).toBe(180);
    expect(pmm.filter((r) => r.credits?.[0]?.voteRating === undefined)).toHaveLength(0);
  });

  it("aftercredits.com titles: the index's spelling, with the article its post URL keeps", () => {
    const ac = byId.get('cookiecheck-aftercredits') ?? [];
    expect(atLine(ac, 1830).title).toBe('the matrix'); // key "matrix", post /matrix-the-1999/
    expect(ac.find((r) => r.credits?.[0]?.url === 'https://aftercredits.com/2018/12/dumplin-2018/')?.title).toBe("dumplin'");
    expect(ac.some((r) => /\b8217\b/.test(r.title))).toBe(false);
  });

  it("decodes the index's entity codes where they stand", () => {
    expect(decodeAftercreditsKey('it 8217 s all so quiet')).toBe("it's all so quiet");
    expect(decodeAftercreditsKey('dumplin 8217')).toBe("dumplin'");
    expect(decodeAftercreditsKey('waiting for 8216 superman 8217')).toBe("waiting for 'superman'");
    expect(decodeAftercreditsKey('chip 8216 n dale rescue rangers')).toBe("chip 'n dale rescue rangers");
    // A code the post's slug spells too is the title's own number ("8213: Gacy House"), not an entity.
    expect(decodeAftercreditsKey('8213 gacy house', 'https://aftercredits.com/2011/03/8213-gacy-house-2010/')).toBe('8213 gacy house');
    expect(decodeAftercreditsKey('dumplin 8217', 'https://aftercredits.com/2018/12/dumplin-2018/')).toBe("dumplin'");
    expect(decodeAftercreditsKey('i do 8230 until i don 8217 t')).toBe("i do… until i don't");
    expect(decodeAftercreditsKey('minions 038 monsters')).toBe('minions & monsters');
    expect(decodeAftercreditsKey('uma musume pretty derby 8211 beginning of a new era')).toBe('uma musume pretty derby – beginning of a new era');
    expect(decodeAftercreditsKey('10 000 bc')).toBe('10 000 bc');
    expect(decodeAftercreditsKey('8217')).toBe("'");
  });

  it('restores a leading article only when the slug spells the same title', () => {
    expect(titleWithSlugArticle('matrix', 'https://aftercredits.com/2019/09/matrix-the-1999/')).toBe('the matrix');
    expect(titleWithSlugArticle("president's cake", 'https://aftercredits.com/2025/01/presidents-cake-the-2025/')).toBe("the president's cake");
    expect(titleWithSlugArticle('quiet place', 'https://aftercredits.com/2018/04/quiet-place-a-2018-2/')).toBe('a quiet place');
    expect(titleWithSlugArticle('odyssey', 'https://aftercredits.com/2026/07/the-odyssey-2026/')).toBe('odyssey');
    expect(titleWithSlugArticle('trap', 'https://aftercredits.com/2024/08/borderlands-the-2024/')).toBe('trap');
  });

  it('reads tags as written and ignores what is not a tag note', () => {
    expect(tagsOfNote('tags=Both During & After Credits; removed from latest snapshot')).toEqual(['Both During & After Credits']);
    expect(tagsOfNote('mediastinger category: post-credits yes/no only')).toEqual([]);
    const st: CreditStatement = { source: 'aftercredits.com', any: 'yes', mid: 'unknown', post: 'unknown', input: 0 };
    readAftercreditsTags(st, ['Still Images', 'Dedications/In Memoriam']);
    expect(st).toMatchObject({ mid: 'unknown', post: 'unknown', content: 'extras', extras: ['stills', 'dedication'] });
    const blooper: CreditStatement = { source: 'aftercredits.com', any: 'yes', mid: 'unknown', post: 'unknown', input: 0 };
    readAftercreditsTags(blooper, ['During Credits', 'Blooper', 'Outtake']);
    expect(blooper).toMatchObject({ mid: 'yes', post: 'no', content: 'scene' });
    expect(blooper.extras).toBeUndefined();
  });

  it('TMDb keywords: Finding Nemo with its TMDb page', () => {
    const nemo = atLine(byId.get('tmdb-keyword-stingers') ?? [], 9454);
    expect(nemo).toMatchObject({ title: 'Finding Nemo', year: 2003, imdbId: 'tt0266543', tmdbId: 12 });
    expect(nemo.credits?.[0]).toMatchObject({
      source: 'TMDb keywords',
      any: 'yes',
      mid: 'yes',
      post: 'yes',
      url: 'https://www.themoviedb.org/movie/12',
      asOf: '2017',
    });
  });

  it("What's After the Movie? says no for Never Let Me Go, with no invented url", () => {
    const [r] = byId.get('whats-after-the-movie') ?? [];
    expect(r).toMatchObject({ title: 'Never Let Me Go', year: 2010, imdbId: 'tt1334260', line: 2 });
    expect(r?.credits?.[0]).toMatchObject({ source: "What's After the Movie?", any: 'no', mid: 'no', post: 'no', asOf: '2024' });
    expect(r?.credits?.[0]?.url).toBeUndefined();
  });

  it('Never Let Me Go (tt1334260) over all real statements is a conflict', () => {
    const statements = [...byId.values()]
      .flat()
      .filter((r) => r.imdbId === 'tt1334260')
      .flatMap((r) => r.credits ?? []);
    expect(statements.map((s) => s.source)).toEqual([
      'aftercredits.com',
      'aftercredits.com',
      "What's After the Movie?",
    ]);
    expect(combineCredits(statements)).toMatchObject({ state: 'conflict', mid: 'no', post: 'conflict' });
  });

  it('derives source labels from the source column', () => {
    expect(sourceLabel('aftercredits.com (via realkose1/cookiecheck-data data/ac-index.json @5642e24)')).toBe(
      'aftercredits.com',
    );
    expect(sourceLabel('TMDb keywords duringcreditsstinger/aftercreditsstinger (Kaggle, ~2017)')).toBe(
      'TMDb keywords duringcreditsstinger/aftercreditsstinger',
    );
  });
});

describe('credits readers on malformed files', () => {
  let dir: string;
  const HEADER = 'title,year,imdb_id,tmdb_id,has_extra_scene,mid_credits,post_credits,source,source_url,id_match,note';
  const AC = 'aftercredits.com (via realkose1/cookiecheck-data data/ac-index.json @5642e24)';

  function write(file: string, lines: string[]): void {
    const path = join(dir, file);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, lines.join('\n') + '\n');
  }

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'credits-readers-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('missing file → DataError naming the file', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'credits-empty-'));
    try {
      await expect(cookiecheckAftercreditsReader.read(empty, new BuildReport())).rejects.toThrow(DataError);
      await expect(cookiecheckAftercreditsReader.read(empty, new BuildReport())).rejects.toThrow(
        /credits\/credits_facts\.csv:0: cannot read source file/,
      );
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('missing required column → DataError at line 1', async () => {
    write(CREDITS_FACTS_FILE, ['title,year,imdb_id,source', `x,2010,tt1334260,${AC}`]);
    const err = await cookiecheckAftercreditsReader.read(dir, new BuildReport()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DataError);
    expect((err as DataError).line).toBe(1);
    expect((err as DataError).message).toMatch(/missing column "tmdb_id"/);
  });

  it('skips and counts bad rows, keeps the good ones, reports file-level rows once', async () => {
    write('raw/cookiecheck_index/aftercredits_index.csv', [
      'title_key,title_display,year,has_extra_scene,mid_credits,post_credits,flag,source_url',
      'hot spot,hot spot,2026,no,0,0,,https://aftercredits.com/2026/08/hot-spot-2026/',
    ]);
    write(CREDITS_FACTS_FILE, [
      HEADER,
      `hot spot,2026,,,no,no,no,${AC},https://aftercredits.com/2026/08/hot-spot-2026/,,`, // 2 ok
      `bad tri,2026,,,maybe,no,no,${AC},https://aftercredits.com/2026/08/x/,,`, // 3
      `bad year,20x6,,,no,no,no,${AC},https://aftercredits.com/2026/08/x/,,`, // 4
      `bad id,2026,x1334260,,no,no,no,${AC},https://aftercredits.com/2026/08/x/,,`, // 5
      `short row,2026,,,no,no`, // 6 wrong cell count
      `x,2026,,,no,no,no,somewhere.example (via nobody),,,`, // 7 unknown source
      `,,,,yes,yes,no,${AC},,,`, // 8 nothing to join on
      `spa weekend,2026,,,yes,yes,yes,${AC},not a url,,some prose note`, // 9 ok, no url, note dropped
    ]);
    const report = new BuildReport();
    const records = await cookiecheckAftercreditsReader.read(dir, report);
    expect(records.map((r) => r.line)).toEqual([2, 9]);
    expect(records[1]?.credits?.[0]?.url).toBeUndefined();
    expect(records[1]?.credits?.[0]?.note).toBeUndefined();
    expect(records[1]?.credits?.[0]?.asOf).toBe('2026-10-02'); // no post month in the url: feed sync date
    expect(report.skipped.get(CREDITS_FACTS_FILE)?.count).toBe(6);
    expect(report.skipped.get(CREDITS_FACTS_FILE)?.examples).toEqual([
      'line 6: expected 11 fields, found 6 (shifted columns)',
      'line 7: unknown source "somewhere.example"',
      'line 3: has_extra_scene is not yes/no/unknown: "maybe"',
      'line 4: year is not a year: "20x6"',
      'line 5: imdb_id is not an IMDb id: "x1334260"',
    ]); // (line 8, no title and no id, is the 6th: the report keeps 5 examples)

    // Other readers own none of these rows and do not report the file-level ones again.
    const other = new BuildReport();
    expect(await cookiecheckMediastingerReader.read(dir, other)).toEqual([]);
    expect(other.skippedTotal).toBe(0);
  });

  it('aftercredits.com reader needs its raw index for titles', async () => {
    const bare = mkdtempSync(join(tmpdir(), 'credits-bare-'));
    writeFileSync(join(bare, 'x'), '');
    mkdirSync(join(bare, 'credits'), { recursive: true });
    writeFileSync(join(bare, CREDITS_FACTS_FILE), `${HEADER}\n`);
    await expect(cookiecheckAftercreditsReader.read(bare, new BuildReport())).rejects.toThrow(/raw\/cookiecheck_index\/aftercredits_index\.csv:0/);
    rmSync(bare, { recursive: true, force: true });
  });

  it('Kometa reader needs its union file for dates', async () => {
    write(CREDITS_FACTS_FILE, [HEADER]);
    await expect(kometaAftercreditsReader.read(dir, new BuildReport())).rejects.toThrow(
      /raw\/kometa_aftercredits\/aftercredits_union\.csv:0/,
    );
  });

  it("What's After the Movie?: bad verdict skipped, missing column is fatal", async () => {
    const file = 'raw/whats_after_the_movie/whats_after_the_movie.csv';
    write(file, ['title,year,imdb_id,end_credit_scenes,as_of', 'Never Let Me Go,2010,tt1334260,perhaps,2024']);
    const report = new BuildReport();
    expect(await whatsAfterTheMovieCreditsReader.read(dir, report)).toEqual([]);
    expect(report.skipped.get(file)?.examples).toEqual(['line 2: end_credit_scenes is not yes/no: "perhaps"']);
    write(file, ['title,year,imdb_id,as_of', 'Never Let Me Go,2010,tt1334260,2024']);
    await expect(whatsAfterTheMovieCreditsReader.read(dir, new BuildReport())).rejects.toThrow(
      /whats_after_the_movie\.csv:1: missing column "end_credit_scenes"/,
    );
  });
});
