import { describe, expect, it } from 'vitest';
import type { FilmCredits } from '../../../lib/core/schema';
import { TOOLBAR_COLORS, toolbarBadge } from '../../../lib/background/toolbar-badge';

const film = (credits: Partial<FilmCredits>, year: number | null = 2010) => ({
  title: 'Never Let Me Go',
  year: year ?? undefined,
  credits: { state: 'none', mid: 'no', post: 'no', extras: [], statements: [], ...credits } as FilmCredits,
});

describe('toolbar badge', () => {
  it('counts the scenes to come: counts where a source gives them, else one per position', () => {
    expect(toolbarBadge(film({ state: 'mid-post', mid: 'yes', post: 'yes', midCount: 3, postCount: 2 }))?.text).toBe('5');
    expect(toolbarBadge(film({ state: 'mid-post', mid: 'yes', post: 'yes' }))?.text).toBe('2');
    expect(toolbarBadge(film({ state: 'post', post: 'yes' }))).toMatchObject({ text: '1', color: TOOLBAR_COLORS.scene });
    expect(toolbarBadge(film({ state: 'some' }))?.text).toBe('1+');
  });

  it('marks a disagreement apart, shows no number for none, nothing for unknown or no film', () => {
    expect(toolbarBadge(film({ state: 'conflict' }))).toEqual({ text: '?', color: TOOLBAR_COLORS.conflict, title: 'Never Let Me Go (2010): Sources disagree' });
    expect(toolbarBadge(film({ state: 'none', extras: ['audio'] }))).toMatchObject({ text: '', title: 'Never Let Me Go (2010): No scene after the credits — only a sound' });
    expect(toolbarBadge(film({ state: 'unknown' }))).toBeNull();
    expect(toolbarBadge(null)).toBeNull();
    expect(toolbarBadge(film({ state: 'post', post: 'yes' }, null))?.title).toBe('Never Let Me Go: Stay: a post-credit scene');
  });
});
