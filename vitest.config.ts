import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import { catalogLibFiles } from './lib/llm/catalog';

export default defineConfig({
  plugins: [WxtVitest()],
  // Unit tests run as a full build from source would: every catalogue model library packaged,
  // custom models allowed (lib/llm/build-flags.ts). Tests of other builds pass their packaging.
  define: {
    __UNDERSTUDY_MODEL_LIBS__: JSON.stringify(catalogLibFiles()),
    __UNDERSTUDY_CUSTOM_MODELS__: 'true',
  },
  test: {
    include: ['lib/**/*.test.ts', 'components/**/*.test.{ts,tsx}', 'entrypoints/**/*.test.ts', 'wxt.config.test.ts', 'e2e/release/*.test.ts'],
    environment: 'happy-dom',
    setupFiles: ['./vitest.setup.ts'],
    restoreMocks: true,
    globals: true,
  },
});
