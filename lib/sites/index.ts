/**
 * The registry of streaming sites: one line per adapter. Shared code looks sites up here and never by name.
 */
import { appleTv } from './apple-tv';
import { disneyPlus } from './disney-plus';
import { hulu } from './hulu';
import { max } from './max';
import { netflix } from './netflix';
import { paramountPlus } from './paramount-plus';
import { peacock } from './peacock';
import { primeVideo } from './prime-video';
import type { SiteAdapter } from './types';

export const sites: readonly SiteAdapter[] = [primeVideo, netflix, disneyPlus, max, hulu, paramountPlus, peacock, appleTv];

/**
 * Whether `url` is covered by a content-script match pattern ("<scheme>://<host><path>", Chrome's "Match patterns":
 * scheme `*` = http or https, host `*.example.com` = the domain and its subdomains, `*` in the path = any run).
 */
function matchesPattern(pattern: string, url: URL): boolean {
  const parts = /^(\*|https?):\/\/(\*|(?:\*\.)?[^/*]+)(\/.*)$/.exec(pattern);
  if (!parts) return false;
  const [, scheme = '', host = '', path = ''] = parts;
  const protocol = url.protocol.slice(0, -1);
  if (scheme === '*' ? protocol !== 'http' && protocol !== 'https' : protocol !== scheme) return false;
  const hostname = url.hostname.toLowerCase();
  if (host !== '*') {
    const domain = host.startsWith('*.') ? host.slice(2) : host;
    const ok = hostname === domain || (host.startsWith('*.') && hostname.endsWith(`.${domain}`));
    if (!ok) return false;
  }
  const pathRe = new RegExp(`^${path.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return pathRe.test(url.pathname + url.search);
}

/**
 * The adapter whose content script runs on `url` (its match patterns cover it), or undefined. Its `isTitlePage`
 * then says whether the page can show a title at all: amazon.com shopping pages belong to Prime Video but stay inert.
 */
export function siteForUrl(url: URL): SiteAdapter | undefined {
  return sites.find((site) => site.matches.some((pattern) => matchesPattern(pattern, url)));
}
