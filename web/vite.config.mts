import { defineConfig } from 'vite';

/**
 * The dashboard app. `npm run build` writes it to dist/web, which `threadline serve` serves at
 * `/`; `npm run web:dev` serves it with live reload and passes /graphql (and the explorer's
 * files) to the API server at THREADLINE_API (default http://localhost:4000).
 */
const api = process.env.THREADLINE_API ?? 'http://localhost:4000';

export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  build: {
    // ECharts alone is ~560 kB (190 kB gzip) with only bar, line and pie registered.
    chunkSizeWarningLimit: 600,
    outDir: '../dist/web',
    emptyOutDir: true,
    // One chunk for ECharts, one for React and the app: both cached until they change.
    rolldownOptions: {
      output: {
        codeSplitting: { groups: [{ name: 'echarts', test: /node_modules[\\/](echarts|zrender)/ }] },
      },
    },
  },
  oxc: { jsx: { runtime: 'automatic' } },
  server: {
    proxy: { '/graphql': api, '/explorer/': api },
  },
});
