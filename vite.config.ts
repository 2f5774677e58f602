import preact from '@preact/preset-vite';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { precompress } from './scripts/vite-precompress.js';

/** The icon's dark roast: theme colour (status bar) and splash background. */
const THEME_COLOR = '#3b2418';
const BACKGROUND_COLOR = '#f3e6d3';

/**
 * Head tags that only matter to installation (iOS home screen icon, favicon, status-bar
 * colour). Injected here so client/index.html stays the UI's; vite-plugin-pwa adds the
 * manifest link itself.
 */
function pwaHeadTags(): Plugin {
  return {
    name: 'dialin-pwa-head-tags',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { name: 'theme-color', content: THEME_COLOR }, injectTo: 'head' },
      {
        tag: 'link',
        attrs: { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
        injectTo: 'head',
      },
      {
        tag: 'link',
        attrs: { rel: 'apple-touch-icon', href: '/apple-touch-icon.png' },
        injectTo: 'head',
      },
    ],
  };
}

// The client lives in client/; the build lands in dist/client, which the server serves.
export default defineConfig({
  root: 'client',
  plugins: [
    preact(),
    pwaHeadTags(),
    VitePWA({
      strategies: 'injectManifest',
      // Built alone into dist/client/sw.js, served as /sw.js.
      srcDir: 'src/pwa/sw',
      filename: 'sw.ts',
      // A new version waits until the user chooses "reload" (client/src/pwa/update.ts), so it
      // never swaps in under a half-filled form.
      registerType: 'prompt',
      // client/src/pwa registers the worker itself, in production builds only.
      injectRegister: false,
      includeAssets: ['favicon.svg', 'apple-touch-icon.png'],
      injectManifest: {
        // The plugin adds the manifest and its icons itself; listing them here again would
        // precache them twice.
        globPatterns: ['**/*.{js,css,html}'],
        // A classic (non-module) worker: every browser that has service workers can run it.
        rollupFormat: 'iife',
      },
      manifest: {
        id: '/',
        name: 'Dial-in — coffee log',
        short_name: 'Dial-in',
        description: 'Log your coffees and brews at the grinder, even offline; they sync later.',
        lang: 'en',
        display: 'standalone',
        start_url: '/',
        scope: '/',
        theme_color: THEME_COLOR,
        background_color: BACKGROUND_COLOR,
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          {
            src: '/icons/icon-512-maskable.png',
            sizes: '512x512',
            type: 'image/png',
            purpose: 'maskable',
          },
        ],
        shortcuts: [
          {
            name: 'Log a brew',
            short_name: 'Log brew',
            description: 'Start a new brew entry',
            url: '/#/log',
            icons: [{ src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' }],
          },
        ],
      },
      devOptions: { enabled: false },
    }),
    // Last: brotli and gzip siblings of every text file, the worker's included.
    precompress(),
  ],
  resolve: {
    // Dexie's package entry wraps its UMD build (ES5, with polyfills); the modern ES module
    // build is the same library in ~1.3 KB less gzipped JS.
    alias: [{ find: /^dexie$/, replacement: 'dexie/dist/modern/dexie.mjs' }],
  },
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // Everything the first paint needs, in one file (one request, one gzip stream).
            { name: 'app', tags: ['$initial'], priority: 3 },
            // Log a brew and everything it needs that the first paint does not (its
            // dependencies come along), preloaded first: it must not need the later chunk,
            // so a brew can be logged while that one fails to arrive (sync-chunk-retry).
            {
              name: 'log',
              test: /client[\\/]src[\\/]ui[\\/]screens[\\/]log-brew\.tsx$/,
              priority: 2,
            },
            // The rest (the other screens and the sync engine), fetched right after the first
            // paint: one file too, which compresses better than a chunk per screen.
            { name: 'later', priority: 1 },
          ],
        },
      },
    },
  },
  optimizeDeps: {
    // Two Preact copies load in dev otherwise, and hooks fail with "reading '__H'".
    include: ['preact', 'preact/hooks', 'preact/jsx-dev-runtime', '@preact/signals'],
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
