import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'

// The library build: one ESM entry, React and react-dom left to the app.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    sourcemap: true,
    lib: { entry: 'src/index.ts', formats: ['es'], fileName: 'index' },
    rolldownOptions: {
      // React is a peer dependency; the QR library a dependency, loaded lazily by the app's bundler.
      external: ['react', 'react-dom', 'react/jsx-runtime', 'react-dom/client', 'qrcode-generator'],
      // Hooks and components need the browser: one client boundary for Next.js's App Router.
      output: { banner: "'use client';" },
    },
  },
})
