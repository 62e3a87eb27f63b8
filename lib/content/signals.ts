/**
 * Small pure signals for the content runtime, shared by every service.
 */
import type { PageData } from '../sites/page-data';

/**
 * The film is near its end: the fallback when a service shows no next-up card. The services' own markers sit
 * 3.6-6.8 % of the runtime before the end (docs/research/streaming-detection.md §12), so the last 7 % is taken,
 * at least 2 minutes and at most 10. Videos under 20 minutes (trailers, shorts) never count.
 */
export function isNearEnd(video: Pick<HTMLVideoElement, 'currentTime' | 'duration'> | null): boolean {
  if (!video) return false;
  const { currentTime, duration } = video;
  if (!Number.isFinite(duration) || duration < 20 * 60 || !Number.isFinite(currentTime)) return false;
  const window = Math.min(10 * 60, Math.max(2 * 60, duration * 0.07));
  return duration - currentTime <= window;
}

/**
 * The credits roll by the service's own clock (page-world data): its end-credits marker when it has one (Peacock
 * `startOfCredits`, Netflix `creditsOffset`), else the same near-end window on its position and duration (Disney+,
 * whose `video.currentTime` is not the programme's time).
 */
export function pageSaysCredits(page: PageData | null, videoTime?: number): boolean {
  if (!page) return false;
  // Services whose video clock is the programme's (Netflix, Peacock) publish only the marker: the video says where
  // playback is, so the page world need not rewrite its attribute every second.
  const position = page.position ?? videoTime;
  if (position === undefined || !Number.isFinite(position)) return false;
  if (page.creditsStart !== undefined && page.creditsStart > 0) return position >= page.creditsStart;
  return page.position !== undefined && page.duration !== undefined && isNearEnd({ currentTime: page.position, duration: page.duration });
}

/** Keys typed into a field are the viewer's text, never a shortcut. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!target || typeof (target as Partial<HTMLElement>).closest !== 'function') return false;
  const el = target as HTMLElement;
  return el.isContentEditable || el.closest('input, textarea, select') !== null;
}
