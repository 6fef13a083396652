// @ts-check
// Stands in for the Electron preload in the web harness: the same `window.coalition` object
// (call + subscribe), carried over HTTP instead of IPC. Shell-only methods are answered here
// the way a browser can: "file.saveAs" becomes a download.
(() => {
  /** @type {Set<(event: unknown) => void>} */
  const listeners = new Set();
  const source = new EventSource('/events');
  source.onmessage = (message) => {
    const event = JSON.parse(message.data);
    for (const listener of listeners) listener(event);
  };

  /** @param {{ suggestedName: string, mimeType: string, content: string, encoding: 'utf8' | 'base64' }} input */
  function download(input) {
    const bytes =
      input.encoding === 'base64' ? Uint8Array.from(atob(input.content), (c) => c.charCodeAt(0)) : input.content;
    const url = URL.createObjectURL(new Blob([bytes], { type: input.mimeType }));
    const link = document.createElement('a');
    link.href = url;
    link.download = input.suggestedName;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    return { ok: true, value: { saved: true, fileName: input.suggestedName } };
  }

  const bridge = Object.freeze({
    /** @param {string} method @param {unknown} input */
    async call(method, input) {
      if (method === 'file.saveAs') return download(/** @type {any} */ (input));
      try {
        const response = await fetch('/rpc', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ method, input }),
        });
        return await response.json();
      } catch (error) {
        return { ok: false, error: { code: 'internal', message: `The harness server did not answer: ${String(error)}` } };
      }
    },
    /** @param {(event: unknown) => void} listener */
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  });
  Object.defineProperty(window, 'coalition', { value: bridge, writable: false, configurable: false });
})();
