import { defineContentScript } from 'wxt/utils/define-content-script';
import { runPageWorld } from '~/lib/sites/page-data';
import { peacock, readPeacockPage } from '~/lib/sites/peacock';

/**
 * Peacock's player keeps its credits marker in React props, invisible to the isolated content script: this runs in
 * the page's world and passes it over, sanitized, through lib/sites/page-data.ts.
 */
export default defineContentScript({
  matches: [...peacock.matches],
  world: 'MAIN',
  main() {
    runPageWorld(readPeacockPage);
  },
});
