import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The app is fully static: data files under data/geo are pulled in with `?url` imports,
// so Vite fingerprints them and serves them from the app's own origin (offline first).
export default defineConfig({
  plugins: [react()],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
  },
  server: { fs: { allow: ['.'] } },
});
