/**
 * How the verdict is said (lib/text/credits-text.ts) and shown (badge, film card): extras are said plainly and never as
 * a scene, counts where a source gives them, each statement as the verdict read it; spoiler mode still hides notes.
 */
import { h, render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { Badge, type BadgeProps } from '../../../components/badge';
import { FilmCard } from '../../../components/film-card';
import { alertText, extrasBesideScenes, extrasText, statementText, verdictText } from '../../../lib/text/credits-text';
import type { CreditStatement, Film, FilmCredits } from '../../../lib/core/schema';
import { fakeFilm } from '../../helpers/dataset';

const credits = (c: Partial<FilmCredits>): FilmCredits => ({ state: 'none', mid: 'no', post: 'no', extras: [], statements: [], ...c });
const st = (s: Partial<CreditStatement>): CreditStatement => ({ source: 'aftercredits.com', any: 'yes', mid: 'no', post: 'yes', input: 0, ...s });

describe('verdict words', () => {
  it('says extras as extras: "No scene after the credits — only a sound"', () => {
    expect(verdictText(credits({ extras: ['audio'] }))).toBe('No scene after the credits — only a sound');
    expect(verdictText(credits({ extras: ['stills', 'dedication'] }))).toBe('No scene after the credits — only still images and a dedication');
    expect(extrasText(['audio', 'text', 'music'])).toBe('a sound, text on screen, and music');
    expect(verdictText(credits({}))).toBe('No end-credit scenes');
  });

  it('counts where the data counts', () => {
    expect(verdictText(credits({ state: 'mid-post', mid: 'yes', post: 'yes', midCount: 1, postCount: 1 }))).toBe('Stay: 1 mid-credit + 1 post-credit scene');
    expect(verdictText(credits({ state: 'mid-post', mid: 'yes', post: 'yes', midCount: 3, postCount: 2 }))).toBe('Stay: 3 mid-credit + 2 post-credit scenes');
    expect(verdictText(credits({ state: 'mid', mid: 'yes', midCount: 2 }))).toBe('Stay: 2 mid-credit scenes');
    expect(verdictText(credits({ state: 'post', post: 'yes', postCount: 1 }))).toBe('Stay: 1 post-credit scene');
    expect(verdictText(credits({ state: 'mid-post', mid: 'yes', post: 'yes', midCount: 1 }))).toBe('Stay: mid- and post-credit scenes');
  });

  it('keeps extras beside a scene apart from the verdict, and out of unknown and conflict', () => {
    expect(extrasBesideScenes(credits({ state: 'mid', mid: 'yes', extras: ['dedication'] }))).toBe('Also during or after the credits: a dedication');
    expect(extrasBesideScenes(credits({ extras: ['dedication'] }))).toBeNull(); // none: the verdict already says it
    expect(extrasBesideScenes(credits({ state: 'conflict', extras: ['audio'] }))).toBeNull();
  });

  it('the credits alert never says "nothing" when something that is not a scene comes', () => {
    expect(alertText('nothing', ['audio'])).toBe('No scene coming — only a sound');
    expect(alertText('nothing')).toBe('Nothing after the credits');
    expect(alertText('scene-coming', ['audio'])).toBe('Credits rolling — stay, a scene is coming');
  });

  it('says each statement as the verdict read it', () => {
    expect(statementText(st({ content: 'extras', extras: ['text'] }))).toBe('during credits: no, after credits: yes; only text on screen, not a scene');
    expect(statementText(st({ mid: 'unknown', post: 'unknown' }))).toBe('something during or after the credits');
    expect(statementText(st({ any: 'no', mid: 'no', post: 'no' }))).toBe('nothing during or after the credits');
    expect(statementText(st({ mid: 'unknown', post: 'unknown', voteRating: 2, reading: 'below-threshold' }))).toBe(
      'something during or after the credits; not counted: vote rating 2, under the rating from which this list agrees with aftercredits.com',
    );
    expect(statementText(st({ mid: 'yes', midCount: 3, postCount: 2, content: 'scene' }))).toBe('during credits: yes, after credits: yes; 5 scenes');
  });
});

describe('badge and card with extras', () => {
  const container = document.createElement('div');
  document.body.append(container);
  afterEach(() => render(null, container));
  const noop = (): void => undefined;

  const endgame = (): Film => ({
    ...fakeFilm(1, 'none'),
    title: 'Avengers: Endgame',
    credits: credits({
      extras: ['audio'],
      statements: [st({ content: 'mixed', extras: ['audio'], reading: 'explained-by-extras', note: 'tags=After Credits|Audio|Bonus Scene' })],
    }),
  });
  const badgeProps = (film: Film, expanded: boolean, showNotes = false): BadgeProps => ({
    film,
    confidence: 'high',
    queryTitle: film.title,
    others: [],
    sources: ['imdb'],
    placement: 'player',
    expanded,
    showNotes,
    alert: null,
    ratingsHidden: false,
    combined: null,
    onRevealRatings: noop,
    onToggleExpanded: noop,
    onToggleNotes: noop,
    onPickOther: noop,
    onSearch: noop,
  });

  it('the badge says the sound, never "stay", and the expanded view who says what', () => {
    render(h(Badge, badgeProps(endgame(), true)), container);
    expect(container.querySelector('[data-testid="verdict"]')?.textContent).toBe('No scene after the credits — only a sound');
    expect(container.textContent).not.toMatch(/stay/i);
    const item = container.querySelector('[data-reading="explained-by-extras"]');
    expect(item?.textContent).toContain('counted as the extras another source names');
    // Spoiler mode: the source's note stays hidden until asked for.
    expect(container.textContent).not.toContain('tags=');
    render(h(Badge, badgeProps(endgame(), true, true)), container);
    expect(container.textContent).toContain('tags=After Credits|Audio|Bonus Scene');
  });

  it('the card puts extras beside a scene on a line of their own', () => {
    const nemo: Film = { ...fakeFilm(2, 'mid-post'), credits: credits({ state: 'mid-post', mid: 'yes', post: 'yes', extras: ['dedication'] }) };
    render(h(FilmCard, { film: nemo, sourceOrder: ['imdb'], combined: null, showNotes: false, ratingsHidden: false, onToggleNotes: noop, onRevealRatings: noop }), container);
    expect(container.querySelector('[data-testid="card-verdict"]')?.textContent).toBe('Stay: mid- and post-credit scenes');
    expect(container.querySelector('[data-testid="extras"]')?.textContent).toBe('Also during or after the credits: a dedication');
  });
});
