/* global Reveal, window, document, location, MutationObserver */
/**
 * The deck's side of Shift Lab's postMessage API: reveal.js's events become calls to the labs embedded in
 * the slides, and the labs' events are kept in a log a test (or a curious presenter) can read.
 *
 * - window.__labEvents: every message from a lab, in arrival order: { frame, event, at, ...message }.
 * - window.__deckCalls: every call the deck made: { frame, method, args, callbackId, at }.
 * - window.callLab(frame, method, args): a call with a callbackId; resolves with the lab's `result`, rejects
 *   with its `error` (or after 10 s without an answer).
 * `frame` is the lab's index among the deck's iframe[data-lab], in document order.
 */
(function () {
  const NAMESPACE = 'shift-lab';
  const CALL_TIMEOUT_MS = 10_000;
  const labOrigin = new URL(new URLSearchParams(location.search).get('lab') ?? 'http://127.0.0.1:4173').origin;

  /** Each lab: its iframe, whether it has said `ready` since it last loaded, and the calls held until it does. */
  const labs = Array.from(document.querySelectorAll('.reveal iframe[data-lab]'), (iframe) => {
    iframe.setAttribute('data-src', new URL(iframe.getAttribute('data-src'), labOrigin).href);
    return { iframe, ready: false, held: [] };
  });
  const events = [];
  const calls = [];
  const waiting = new Map();
  let nextId = 1;
  window.__labEvents = events;
  window.__deckCalls = calls;

  function post(lab, message) {
    calls.push({ frame: labs.indexOf(lab), method: message.method, args: message.args, callbackId: message.callbackId, at: performance.now() });
    lab.iframe.contentWindow.postMessage(message, labOrigin);
  }

  /** Posts now if the lab is ready, else holds the call (in order) until it is. */
  function send(lab, method, args = [], callbackId) {
    const message = { namespace: NAMESPACE, method, args };
    if (callbackId !== undefined) message.callbackId = callbackId;
    if (lab.ready && lab.iframe.contentWindow) post(lab, message);
    else lab.held.push(message);
  }

  window.callLab = function callLab(frame, method, args = []) {
    const lab = labs[frame];
    if (!lab) return Promise.reject(new Error(`no lab at frame ${frame} (the deck has ${labs.length})`));
    const callbackId = `deck-${nextId++}`;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        waiting.delete(callbackId);
        reject(new Error(`${method} to lab ${frame}: no answer within ${CALL_TIMEOUT_MS} ms`));
      }, CALL_TIMEOUT_MS);
      waiting.set(callbackId, { resolve, reject, timer });
      send(lab, method, args, callbackId);
    });
  };

  window.addEventListener('message', (e) => {
    const frame = labs.findIndex((lab) => lab.iframe.contentWindow === e.source);
    if (frame < 0 || e.origin !== labOrigin) return;
    const data = e.data;
    if (typeof data !== 'object' || data === null || data.namespace !== NAMESPACE) return;
    events.push({ frame, at: performance.now(), ...data });
    const lab = labs[frame];
    if (data.event === 'ready') {
      lab.ready = true;
      for (const message of lab.held.splice(0)) post(lab, message);
    } else if (data.event === 'callback' && waiting.has(data.callbackId)) {
      const { resolve, reject, timer } = waiting.get(data.callbackId);
      clearTimeout(timer);
      waiting.delete(data.callbackId);
      if (typeof data.error === 'string') reject(new Error(`${data.method}: ${data.error}`));
      else resolve(data.result);
    }
  });

  /** A new src (reveal loads and unloads lazy iframes) is a new page: it is not ready until it says so. */
  const srcWatch = new MutationObserver((records) => {
    for (const record of records) {
      const lab = labs.find((l) => l.iframe === record.target);
      if (lab) lab.ready = false;
    }
  });
  for (const lab of labs) srcWatch.observe(lab.iframe, { attributes: true, attributeFilter: ['src'] });

  /** Runs the call an element's attribute names (a JSON array [method, ...args]) on every lab inside `scope`. */
  function run(element, attribute, scope) {
    const text = element?.getAttribute(attribute);
    if (!text) return;
    const [method, ...args] = JSON.parse(text);
    for (const lab of labs) if (scope.contains(lab.iframe)) send(lab, method, args);
  }

  Reveal.on('ready', (e) => run(e.currentSlide, 'data-lab-on-enter', e.currentSlide));
  Reveal.on('slidechanged', (e) => {
    if (e.previousSlide) run(e.previousSlide, 'data-lab-on-leave', e.previousSlide);
    run(e.currentSlide, 'data-lab-on-enter', e.currentSlide);
  });
  Reveal.on('fragmentshown', (e) => run(e.fragment, 'data-lab-on-show', Reveal.getCurrentSlide()));
  Reveal.on('fragmenthidden', (e) => run(e.fragment, 'data-lab-on-hide', Reveal.getCurrentSlide()));

  Reveal.initialize({ hash: false, transition: 'none', preloadIframes: true, width: 1280, height: 800 });
})();
