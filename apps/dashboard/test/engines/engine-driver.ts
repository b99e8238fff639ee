// What the Firefox and WebKit tests need from a browser, over W3C protocols rather than
// Playwright's patched builds (which cannot be downloaded here): navigate, run a function in the
// page, type and click as a user would, take a screenshot. Firefox is Debian's firefox-esr over
// WebDriver BiDi (puppeteer-core); WebKit is WebKitGTK's MiniBrowser over WebDriver
// (WebKitWebDriver, selenium-webdriver).

export const ENGINES = ["firefox-esr", "webkitgtk"] as const;

export type EngineName = (typeof ENGINES)[number];

/** How the engine's microphone answers: a fake capture device, or a refusal. */
export type MicrophoneMode = "fake" | "refused";

export interface EngineDriver {
  readonly engine: EngineName;
  /** Opens a page of the dashboard, e.g. `/try`. */
  goto(path: string): Promise<void>;
  /** Runs `fn` in the page with JSON arguments; awaits a returned promise. */
  run<Result, Args extends unknown[]>(
    fn: (...args: Args) => Result,
    ...args: Args
  ): Promise<Awaited<Result>>;
  /** Replaces the text of the input matched by `css`, key by key. */
  type(css: string, text: string): Promise<void>;
  click(css: string): Promise<void>;
  /** A PNG of the page (the viewport where the engine cannot capture the full page). */
  screenshot(path: string): Promise<void>;
  close(): Promise<void>;
}
