/**
 * The switches headless Chromium runs with, wherever the project drives it (the page benchmark, the browser
 * tests): no sandbox or GPU (a container has neither), and none of its own traffic (updates, sync, first-run).
 */
export const HEADLESS_CHROMIUM_SWITCHES = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
] as const;
