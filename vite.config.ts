import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

// The client lives in client/; the build lands in dist/client, which the server serves.
export default defineConfig({
  root: 'client',
  plugins: [preact()],
  build: { outDir: '../dist/client', emptyOutDir: true },
  optimizeDeps: {
    // Two Preact copies load in dev otherwise, and hooks fail with "reading '__H'".
    include: ['preact', 'preact/hooks', 'preact/jsx-dev-runtime', '@preact/signals'],
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
