import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// In production the API serves dist/ on the same origin; in development Vite proxies the API to it.
const api = process.env.TILLIT_API_URL ?? 'http://localhost:3000';

export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      '/api': { target: api, changeOrigin: false },
      '/socket.io': { target: api, ws: true, changeOrigin: false },
    },
  },
});
