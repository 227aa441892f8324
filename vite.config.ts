import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { thirdPartyLicences } from './scripts/third-party-licences';
import { noPrebuiltCityGridInDev, prebuiltCityGrid } from './scripts/vite-prebuilt-city-grid';
import { noPrebuiltSamplesInDev, prebuiltSamples } from './scripts/vite-prebuilt-samples';

const licences = thirdPartyLicences();

/**
 * The dev server injects inline scripts (React refresh) and inline styles (CSS modules in dev), which
 * index.html's Content-Security-Policy refuses; in dev only, the policy also allows inline code and the
 * dev server's websocket. The built app keeps the strict policy (checked by an e2e spec).
 */
function relaxPolicyForDevServer(): Plugin {
  return {
    name: 'relax-content-security-policy-for-dev',
    apply: 'serve',
    transformIndexHtml(html) {
      return html
        .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
        .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
        .replace("connect-src 'self'", "connect-src 'self' ws: wss:");
    },
  };
}

// The app is fully static: data files under data/geo are pulled in with `?url` imports,
// so Vite fingerprints them and serves them from the app's own origin (offline first).
export default defineConfig({
  plugins: [
    react(),
    relaxPolicyForDevServer(),
    licences.plugin(true),
    prebuiltSamples(),
    noPrebuiltSamplesInDev(),
    prebuiltCityGrid(),
    noPrebuiltCityGridInDev(),
  ],
  worker: { format: 'es', plugins: () => [licences.plugin(false)] },
  build: {
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
    // Data files are always fetched as files: a small one inlined as a data: URL would be refused by the
    // page's connect-src (which allows no data:), and the district labels would not load.
    assetsInlineLimit: (filePath) => (filePath.endsWith('.geojson') ? false : undefined),
  },
  server: { fs: { allow: ['.'] } },
});
