import { type Browser, type BrowserServer, chromium, type LaunchOptions } from 'playwright-core';
import { HEADLESS_CHROMIUM_SWITCHES } from '../../src/bench/chromium-switches';
import { CHROMIUM } from './prerequisites';

/**
 * The suite's one Chromium: globalSetup starts it as a browser server and hands its address to the test files
 * (KB_TEST_BROWSER_WS), which connect to it instead of each starting its own. A file run without the global
 * setup's server (or needing its own switches) launches one.
 */

const SERVER_ADDRESS = 'KB_TEST_BROWSER_WS';

/** Headless Debian Chromium; `extraArgs` adds switches (e.g. --host-resolver-rules to give the app a name). */
export function launchOptions(extraArgs: string[] = []): LaunchOptions {
  return {
    executablePath: CHROMIUM,
    args: [...HEADLESS_CHROMIUM_SWITCHES, ...extraArgs],
  };
}

/** Starts the shared browser server and publishes its address to the test files. */
export async function startSharedBrowser(): Promise<BrowserServer> {
  const server = await chromium.launchServer(launchOptions());
  process.env[SERVER_ADDRESS] = server.wsEndpoint();
  return server;
}

/** The shared browser when the suite has one, else a browser of this file's own. Closing it only disconnects a shared one. */
export function sharedBrowser(): Promise<Browser> {
  const address = process.env[SERVER_ADDRESS];
  return address ? chromium.connect(address) : chromium.launch(launchOptions());
}
