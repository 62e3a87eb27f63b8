/** The content runtime's state machine on its own: readings in, steps out, no DOM. */
import { describe, expect, it } from 'vitest';
import { RETRY_DELAYS_MS, creditsHold, decide, keyOf, pickOther, settle, type Reading, type TitleState } from '../../../lib/content/title-state';
import type { DetectedTitle } from '../../../lib/sites/types';
import { fakeFilm } from '../../helpers/dataset';

const HREF = 'https://www.example.com/watch/1';
const film = (title: string, over: Partial<DetectedTitle> = {}): DetectedTitle => ({ page: 'player', kind: 'movie', title, rawTitle: title, signal: 'player', ...over });
const player = {} as Element;
const reading = (detected: DetectedTitle | null, over: Partial<Reading> = {}): Reading => ({
  href: HREF,
  enabled: true,
  detected,
  shownStillMounted: () => true,
  player: () => null,
  ...over,
});

function shownState(title = 'Known Film'): TitleState {
  const detected = film(title);
  const key = keyOf(detected);
  return settle({ pendingKey: key }, key, detected, HREF, { best: { film: fakeFilm(1, 'post'), confidence: 'high' }, others: [] }).state;
}

describe('decide', () => {
  it('asks for a new title once, and waits while it is asked', () => {
    const first = decide({}, reading(film('A')));
    expect(first.step).toMatchObject({ do: 'resolve', key: keyOf(film('A')) });
    expect(decide(first.state, reading(film('A'))).step).toEqual({ do: 'wait' });
    expect(decide(first.state, reading(film('B'))).step).toMatchObject({ do: 'resolve', key: keyOf(film('B')) });
  });

  it('keeps the shown film while the player hides its title, but not on another URL or once the player is gone', () => {
    const state = shownState();
    expect(decide(state, reading(null)).step).toEqual({ do: 'update' });
    expect(decide(state, reading(null, { href: `${HREF}?next` })).step).toEqual({ do: 'clear' });
    expect(decide(state, reading(null, { shownStillMounted: () => false })).step).toEqual({ do: 'clear' });
  });

  it('a player without a readable title is "unreadable"; episodes and switched-off sites get nothing', () => {
    expect(decide({}, reading(null, { player: () => player })).step).toEqual({ do: 'unreadable', player });
    expect(decide(shownState(), reading(film('Pilot', { kind: 'episode' }))).step).toEqual({ do: 'clear' });
    const off = decide(shownState(), reading(film('Known Film'), { enabled: false, player: () => player }));
    expect(off.step).toEqual({ do: 'clear' });
    expect(off.state.shown).toBeUndefined();
  });

  it('a tab title read where the player named an episode names that episode, not a film', () => {
    const episode = decide({}, reading(film('Pilot', { kind: 'episode' })));
    const tabTitle = film('Pilot', { signal: 'tab-title' });
    expect(decide(episode.state, reading(tabTitle)).step).toEqual({ do: 'clear' });
    // On another URL the same reading is a film again.
    expect(decide(episode.state, reading(tabTitle, { href: `${HREF}x` })).step).toMatchObject({ do: 'resolve' });
  });
});

describe('settle', () => {
  const detected = film('A');
  const key = keyOf(detected);

  it('drops an answer for a title no longer asked', () => {
    expect(settle({ pendingKey: 'other' }, key, detected, HREF, { best: null, others: [] }).step).toEqual({ do: 'stale' });
  });

  it('retries a missing answer after each delay, then shows "not in the data"', () => {
    let state: TitleState = { pendingKey: key };
    for (const delay of RETRY_DELAYS_MS) {
      const out = settle(state, key, detected, HREF, undefined);
      expect(out.step).toEqual({ do: 'retry', delay });
      state = { ...out.state, pendingKey: key };
    }
    const last = settle(state, key, detected, HREF, undefined);
    expect(last.step).toEqual({ do: 'show' });
    expect(last.state.shown).toMatchObject({ film: null, confidence: null });
    expect(last.state.failures).toBeUndefined();
  });
});

describe('pickOther and creditsHold', () => {
  it('"Wrong film?" shows the picked film and offers the old one', () => {
    const shown = shownState().shown!;
    const other = { ...fakeFilm(2, 'none'), title: 'Other' };
    const next = pickOther({ ...shown, others: [{ id: other.id, title: other.title, kind: 'movie', credits: 'none' }] }, other);
    expect(next.film?.id).toBe(other.id);
    expect(next.confidence).toBe('high');
    expect(next.others.map((o) => o.id)).toEqual([shown.film!.id]);
  });

  it('holds the credits from the time first seen until the video goes back before it', () => {
    const seen = creditsHold(undefined, true, 5000);
    expect(seen).toEqual({ rolling: true, from: 5000 });
    expect(creditsHold(5000, false, 5100)).toEqual({ rolling: true, from: 5000 });
    expect(creditsHold(5000, false, 4000)).toEqual({ rolling: false, from: undefined });
    expect(creditsHold(5000, false, undefined)).toEqual({ rolling: false, from: undefined });
    expect(creditsHold(undefined, false, 10)).toEqual({ rolling: false, from: undefined });
  });
});
