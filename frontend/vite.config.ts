/**
 * Builds the dashboard into frontend/dist, which `wattwatch serve` serves at / (same origin as the
 * API and /ws, so the client needs no host configuration). `npm run dev:frontend` proxies both to a
 * running `serve` on API_PORT (default 8000).
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const api = `http://127.0.0.1:${process.env.API_PORT ?? '8000'}`;

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // one vendor chunk changes rarely, so browsers keep it cached across dashboard releases
    rollupOptions: {
      output: {
        manualChunks: (id: string) => (id.includes('node_modules') ? 'vendor' : undefined),
      },
    },
    chunkSizeWarningLimit: 600,
  },
  server: {
    proxy: {
      '/api': api,
      '/ws': { target: api.replace('http', 'ws'), ws: true },
      '/health': api,
    },
    fs: { allow: ['..'] },
  },
});
