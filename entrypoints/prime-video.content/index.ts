import { defineContentScript } from 'wxt/utils/define-content-script';
import { badgeUi } from '~/components/badge-view';
import { runSite } from '~/lib/content/run-site';
import { primeVideo } from '~/lib/sites/prime-video';

export default defineContentScript({
  matches: [...primeVideo.matches],
  // The badge carries its own styles inside its shadow root.
  cssInjectionMode: 'manual',
  main(ctx) {
    runSite(ctx, primeVideo, badgeUi);
  },
});
