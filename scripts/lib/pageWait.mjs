// Waiting for the page from a benchmark without disturbing what it measures.

/**
 * Resolves with the page's clock (ms) once an element with this test id is in the document — and, with
 * `atLeast`, once its text reads as a number at least that large. A mutation observer in the page, not
 * Playwright's locator polling: that polling queries the whole document every few hundred milliseconds,
 * main-thread work and allocation of the benchmark's own on the very thread being measured. After
 * `timeoutMs` it rejects, or with `resolveOnTimeout` resolves with the clock as it is then.
 */
export function whenInPage(page, testId, { atLeast, timeoutMs, resolveOnTimeout = false }) {
  return page.evaluate(([id, least, ms, lenient]) => new Promise((done, fail) => {
    const selector = `[data-testid="${id}"]`;
    const met = () => {
      const element = document.querySelector(selector);
      return element !== null && (least === null || Number(element.textContent) >= least);
    };
    if (met()) return done(performance.now());
    const observer = new MutationObserver(() => { if (met()) finish(); });
    const timer = setTimeout(() => (lenient ? finish() : stop(new Error(`${selector} did not ${least === null ? 'appear' : `reach ${least}`} within ${ms / 1000} s`))), ms);
    function stop(error) { observer.disconnect(); clearTimeout(timer); fail(error); }
    function finish() { observer.disconnect(); clearTimeout(timer); done(performance.now()); }
    observer.observe(document.body, { subtree: true, childList: true, characterData: least !== null });
  }), [testId, atLeast ?? null, timeoutMs, resolveOnTimeout]);
}
