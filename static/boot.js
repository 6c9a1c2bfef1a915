// Loads the wasm module and mounts the app (a file, not an inline script: the page's
// Content-Security-Policy allows scripts from its own origin only).
import init, { start } from '../pkg/zabscope_web.js';

init().then(start).catch((e) => {
  console.error('zabscope: failed to load', e);
  document.getElementById('app').textContent = 'ZabScope could not start: ' + e;
});
