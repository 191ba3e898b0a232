/// <reference types="vitest/config" />
import { defineConfig } from 'vite';

// No @vitejs/plugin-react: Vite's built-in transformer (oxc) compiles TSX with the automatic JSX runtime.
// The build goes straight into the server's wwwroot, which the .NET build copies beside the server's binaries.
export default defineConfig({
  base: '/',
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: '../RuleSuspension.Server/wwwroot',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    port: 5173,
    proxy: { '/api': 'http://127.0.0.1:5080', '/health': 'http://127.0.0.1:5080' },
  },
  test: { environment: 'node', include: ['src/**/*.test.ts'] },
});
