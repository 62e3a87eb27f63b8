import { defineContentScript } from 'wxt/utils/define-content-script';
import { runPageWorld } from '~/lib/sites/page-data';
import { disneyPlus, readDisneyPage } from '~/lib/sites/disney-plus';

// Why a second script: Disney's player keeps what is playing on an expando property of <disney-web-player>
// (`mediaPlayer.mediaPlaybackCriteria.metadata`), which the isolated world of a content script cannot see. This one
// runs in the page's world (no WXT context or extension APIs there, hence `main()` without `ctx`), only reads, and
// publishes the sanitized result on <html> for the adapter (lib/sites/page-data.ts). `world: 'MAIN'` in the
// manifest is not subject to the page's CSP, unlike an injected inline <script>.
export default defineContentScript({
  matches: [...disneyPlus.matches],
  world: 'MAIN',
  main() {
    runPageWorld(readDisneyPage);
  },
});
