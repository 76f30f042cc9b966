import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** `npm run dev -w @crm/web` proxies the API to a system started with `npm start`. */
export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', sourcemap: true, chunkSizeWarningLimit: 600 },
  server: {
    proxy: { '/v2': 'http://localhost:3000', '/docs': 'http://localhost:3000' },
  },
});
