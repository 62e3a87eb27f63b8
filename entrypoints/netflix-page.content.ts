import { defineContentScript } from 'wxt/utils/define-content-script';
import { runPageWorld } from '~/lib/sites/page-data';
import { netflix, readNetflixPage } from '~/lib/sites/netflix';

/**
 * Netflix keeps the playing title's metadata in its own scripts, invisible to the isolated content script: this
 * runs in the page's world and passes it over, sanitized, through lib/sites/page-data.ts.
 */
export default defineContentScript({
  matches: [...netflix.matches],
  world: 'MAIN',
  main() {
    runPageWorld(readNetflixPage);
  },
});
