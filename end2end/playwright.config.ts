import { defineConfig } from '@playwright/test';

// qdash in demo mode (its embedded simulator), plus a separate qualys-sim offered as the
// "Sim" gateway so tests can switch its faults and limits through /__sim/ without touching
// the demo. Every spec runs twice: hydrated (JavaScript on) and pure SSR (JavaScript off).
const QDASH = 'http://127.0.0.1:3100';
const SIM = 'http://127.0.0.1:3101';
const bin = process.env.QDASH_BIN_DIR ?? '../target/release';

export default defineConfig({
  testDir: './tests',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: QDASH,
    trace: 'off',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-dev-shm-usage'],
    },
  },
  projects: [
    { name: 'js-on', use: { javaScriptEnabled: true } },
    { name: 'js-off', use: { javaScriptEnabled: false } },
  ],
  webServer: [
    {
      command: `${bin}/qualys-sim --listen 127.0.0.1:3101 --assets 3000 --seed 7 --rate-limit 100000 --concurrency 4`,
      url: `${SIM}/__sim/config`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      command: `${bin}/qdash --listen 127.0.0.1:3100 --site-root ../target/site --demo true --gateway Sim=${SIM} --demo-rate-limit 100000`,
      url: `${QDASH}/healthz`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
  ],
});
