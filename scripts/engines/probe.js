// Served by the test server as the first script of the page (see scripts/server.ts), for engines whose
// driver cannot report the page's errors or catch its downloads (WebKitWebDriver has no BiDi): it
// records console errors, uncaught errors, failed resources and refused content in `window.__probe`,
// with every Blob the page hands to a download link.
(() => {
  const record = { errors: [], blobs: [] };
  Object.defineProperty(window, '__probe', { value: record });
  const consoleError = console.error.bind(console);
  console.error = (...args) => {
    record.errors.push(`console: ${args.map(String).join(' ')}`);
    consoleError(...args);
  };
  // Capturing: a script, stylesheet or image that fails to load fires `error` on its element only.
  addEventListener(
    'error',
    (event) => {
      if (event instanceof ErrorEvent) record.errors.push(`page: ${event.message}`);
      else record.errors.push(`resource: ${event.target?.src ?? event.target?.href ?? event.target}`);
    },
    true,
  );
  addEventListener('unhandledrejection', (event) => record.errors.push(`page: unhandled ${event.reason}`));
  addEventListener('securitypolicyviolation', (event) =>
    record.errors.push(`csp: ${event.effectiveDirective} refused ${event.blockedURI}`),
  );
  const createObjectURL = URL.createObjectURL.bind(URL);
  URL.createObjectURL = (object) => {
    if (object instanceof Blob) record.blobs.push(object);
    return createObjectURL(object);
  };
})();
