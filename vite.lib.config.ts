import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'

// The published build is always a production one: with NODE_ENV=test or development inherited from
// the shell (a test runner, `NODE_ENV=development npm pack`), the React plugin would emit
// `react/jsx-dev-runtime` calls, which production React does not export.
process.env.NODE_ENV = 'production'

// The library build: one file per module (preserveModules), so that an app's bundler drops the
// modules it does not use (package.json's `sideEffects`): bundled into one file, the kit tree-shook
// worse (an app using only the hooks got 30.5 kB instead of 16.0; `npm run check:size` measures
// this build). Three ESM entries (the kit, `react-p2p-call/mqtt`, `react-p2p-call/locales/zh-CN`), React, react-dom and
// mqtt.js left to the app.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    // Emptied first: files of an earlier build (its chunks) are never packed; the types follow.
    emptyOutDir: true,
    sourcemap: true,
    lib: {
      entry: {
        index: 'src/index.ts',
        mqtt: 'src/mqtt.ts',
        'locales/zh-CN': 'src/locales/zh-CN.ts',
      },
      formats: ['es'],
      fileName: (_format, name) => `${name}.js`,
    },
    rolldownOptions: {
      // React is a peer dependency; the QR libraries dependencies, loaded lazily by the app's bundler.
      // Every subpath of React too (`react/jsx-runtime`, `react-dom/client`, …): a bundled copy would
      // call `require('react')`, which an ES module cannot.
      // mqtt.js is an optional peer dependency of the `mqtt` entry only.
      external: [/^react(-dom)?($|\/)/, 'qrcode-generator', 'qr-scanner', 'mqtt'],
      // Hooks and components need the browser: every file starts as a client module for Next.js's
      // App Router (the entry an app's server component imports is the boundary).
      output: {
        banner: "'use client';",
        preserveModules: true,
        preserveModulesRoot: 'src',
        entryFileNames: '[name].js',
      },
    },
  },
})
