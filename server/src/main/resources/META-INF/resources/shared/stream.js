// Server-sent events read with fetch, so the request carries the Authorization header (EventSource cannot, and a
// token in a URL would end up in logs). Reconnects with backoff whenever the stream ends; the server ends it when the
// token it was opened with expires, and the next connection uses a refreshed one.
'use strict';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** onEvent(name, data) for each event; onState('connecting' | 'live' | 'offline'). Returns { close() }. */
export function openStream(auth, path, { onEvent, onState }) {
  let stopped = false;
  let controller = null;

  async function run() {
    let backoff = 1000;
    while (!stopped) {
      onState('connecting');
      try {
        controller = new AbortController();
        const response = await fetch(path, { headers: { Authorization: 'Bearer ' + await auth.token(),
          Accept: 'text/event-stream' }, signal: controller.signal, cache: 'no-store' });
        if (!response.ok) throw new Error('HTTP ' + response.status);
        await read(response.body, (name, data) => {
          if (name === 'ready') {
            backoff = 1000;
            onState('live');
          }
          onEvent(name, data);
        });
      } catch (e) {
        if (stopped) return;
      }
      onState('offline');
      await sleep(backoff);
      backoff = Math.min(backoff * 2, 30_000);
    }
  }

  run();
  return { close() { stopped = true; if (controller) controller.abort(); } };
}

async function read(body, emit) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    let end;
    while ((end = buffer.search(/\r?\n\r?\n/)) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end).replace(/^\r?\n\r?\n/, '');
      let name = 'message';
      const data = [];
      for (const line of block.split(/\r?\n/)) {
        if (line.startsWith('event:')) name = line.slice(6).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
      }
      let parsed = null;
      try { parsed = data.length ? JSON.parse(data.join('\n')) : null; } catch (ignored) { parsed = data.join('\n'); }
      emit(name, parsed);
    }
  }
}
