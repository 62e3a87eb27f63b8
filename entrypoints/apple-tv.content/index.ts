import { defineContentScript } from 'wxt/utils/define-content-script';
import css from '~/components/badge.css?inline';
import { runSite } from '~/lib/content/run-site';
import { appleTv } from '~/lib/sites/apple-tv';

export default defineContentScript({
  matches: [...appleTv.matches],
  // The badge carries its own styles inside its shadow root.
  cssInjectionMode: 'manual',
  main(ctx) {
    runSite(ctx, appleTv, css);
  },
});
