import { defineConfig } from 'vite';

/**
 * The office console (docs/console.md): built to console/dist and served under /console/ beside the H5
 * app, same origin as the BFF. `vite` (npm run dev) proxies /api to the BFF given in WYT_BFF_URL.
 */
const bff = process.env.WYT_BFF_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root: import.meta.dirname,
  base: '/console/',
  logLevel: 'warn',
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 800, reportCompressedSize: false },
  server: {
    host: '127.0.0.1',
    port: Number(process.env.CONSOLE_PORT ?? 10087),
    strictPort: true,
    proxy: { '/api': bff, '/files': bff, '/healthz': bff },
  },
});
