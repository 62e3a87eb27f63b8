/**
 * A held-out check of the shipped dataset (assets/dataset.json.gz) on films whose answer is well known and not in
 * doubt: the cases issue #12 names (a list entry with a negative or low vote is not a "yes", a sound or text after
 * the credits is not a scene, a misread source is not a disagreement) and famous films either way. The expected
 * answers come from what these films are known for, not from the data: none of them was used to derive a rule
 * (the rules are derived from agreement between sources, scripts/data/credit-measure.ts). A wrong "stay" or a wrong
 * "go" here is a bug in the data or its reading.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseDatasetBytes } from '../../../lib/core/load-dataset';
import { DATASET_PATH, type CreditsState, type Dataset, type Film } from '../../../lib/core/schema';

let dataset: Dataset;
beforeAll(async () => {
  dataset = await parseDatasetBytes(readFileSync(resolve(import.meta.dirname, '../../../assets', DATASET_PATH)));
});

function film(id: string): Film {
  const f = dataset.films.find((x) => x.id === id);
  if (!f) throw new Error(`${id} is not in the dataset`);
  return f;
}

const STAY: readonly CreditsState[] = ['mid', 'post', 'mid-post', 'some'];

/** [tt id, title (for the report), the answer] */
const KNOWN: ReadonlyArray<readonly [string, string, CreditsState]> = [
  // A scene after the credits, nothing during.
  ['tt0371746', 'Iron Man (2008): Nick Fury', 'post'],
  ['tt0800369', 'Thor (2011): Selvig and Loki', 'post'],
  ['tt0458339', 'Captain America: The First Avenger (2011): the Avengers teaser', 'post'],
  ['tt0080339', 'Airplane! (1980): the taxi passenger', 'post'],
  ['tt1228705', 'Iron Man 2 (2010): Coulson finds the hammer (a dedication too)', 'post'],
  // During and after.
  ['tt0848228', 'The Avengers (2012): Thanos, then shawarma', 'mid-post'],
  ['tt2015381', 'Guardians of the Galaxy (2014): Groot dancing, then Howard the Duck', 'mid-post'],
  ['tt3501632', 'Thor: Ragnarok (2017)', 'mid-post'],
  ['tt2250912', 'Spider-Man: Homecoming (2017)', 'mid-post'],
  // During only.
  ['tt2395427', 'Avengers: Age of Ultron (2015): Thanos takes the gauntlet', 'mid'],
  // Nothing after the credits.
  ['tt0111161', 'The Shawshank Redemption (1994)', 'none'],
  ['tt0068646', 'The Godfather (1972)', 'none'],
  ['tt0120338', 'Titanic (1997)', 'none'],
  ['tt0109830', 'Forrest Gump (1994)', 'none'],
  ['tt1375666', 'Inception (2010)', 'none'],
  ['tt3315342', 'Logan (2017)', 'none'],
  ['tt0800080', 'The Incredible Hulk (2008): its Stark scene plays before the credits', 'none'],
  // Only text, or only a sound, after the credits: no scene.
  ['tt0133093', 'The Matrix (1999): text only', 'none'],
  ['tt4154796', 'Avengers: Endgame (2019): only the sound of a hammer', 'none'],
  // Sources that really disagree stay a conflict.
  ['tt1334260', 'Never Let Me Go (2010)', 'conflict'],
];

describe('films whose answer is well known', () => {
  it.each(KNOWN)('%s %s: %s', (id, _title, state) => {
    expect(film(id).credits.state).toBe(state);
  });

  it("Schindler's List: one list entry with a vote rating of 2 is no scene", () => {
    const f = film('tt0108052');
    expect(STAY).not.toContain(f.credits.state);
    expect(f.credits.statements.every((s) => s.reading === 'below-threshold')).toBe(true);
  });

  it('extras are said as extras, never as a scene', () => {
    expect(film('tt0133093').credits.extras).toContain('text');
    expect(film('tt4154796').credits.extras).toContain('audio');
    expect(film('tt4154796').credits).toMatchObject({ mid: 'no', post: 'no' });
  });

  it('counts where a source counts: The Avengers has one scene during the credits and one after', () => {
    expect(film('tt0848228').credits).toMatchObject({ midCount: 1, postCount: 1 });
  });

  it('no verdict rests on a vote-list entry under the threshold, or on extras alone', () => {
    for (const f of dataset.films) {
      if (!STAY.includes(f.credits.state)) continue;
      const counted = f.credits.statements.filter((s) => s.reading === undefined);
      expect(counted.length, `${f.id} ${f.title}`).toBeGreaterThan(0);
      expect(counted.every((s) => s.content === 'extras'), `${f.id} ${f.title}`).toBe(false);
    }
  });
});
