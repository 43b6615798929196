import { defineConfig } from 'tsup';

/** One bundle per entry; @ccc/domain (TypeScript source) is bundled in, npm packages stay external. */
export default defineConfig({
  entry: {
    server: 'src/server.ts',
    'build-manual': 'src/modules/manual/build-manual.ts',
    demo: 'src/demo/demo-main.ts',
  },
  format: ['esm'],
  platform: 'node',
  target: 'node20',
  outDir: 'dist',
  clean: true,
  sourcemap: true,
  noExternal: ['@ccc/domain'],
  splitting: false,
});
