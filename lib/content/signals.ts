/**
 * Small pure signals for the content runtime, shared by every service.
 */

/**
 * The film is near its end: the fallback when a service shows no next-up card. The services' own markers sit
 * 3.6-6.8 % of the runtime before the end (shared/research/streaming-detection.md §12), so the last 7 % is taken,
 * at least 2 minutes and at most 10. Videos under 20 minutes (trailers, shorts) never count.
 */
export function isNearEnd(video: Pick<HTMLVideoElement, 'currentTime' | 'duration'> | null): boolean {
  if (!video) return false;
  const { currentTime, duration } = video;
  if (!Number.isFinite(duration) || duration < 20 * 60 || !Number.isFinite(currentTime)) return false;
  const window = Math.min(10 * 60, Math.max(2 * 60, duration * 0.07));
  return duration - currentTime <= window;
}

/** Keys typed into a field are the viewer's text, never a shortcut. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!target || typeof (target as Partial<HTMLElement>).closest !== 'function') return false;
  const el = target as HTMLElement;
  return el.isContentEditable || el.closest('input, textarea, select') !== null;
}
