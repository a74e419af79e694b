// Behaviour of the rendered client against a scripted WebSocket and a manual clock.
// Usage: node client-behaviour.js <rendered ActionheroWebsocketClient.js>
// Prints one JSON line per scenario: {"name": ..., "ok": true} or {"name": ..., "ok": false, "error": ...}.
'use strict';

const assert = require('assert');
const path = require('path');

// --- a manual clock -----------------------------------------------------------------------------
const clock = {
  now: 1_000_000,
  nextId: 1,
  timers: new Map(),
  reset() {
    this.timers.clear();
  },
  tick(ms) {
    const until = this.now + ms;
    for (;;) {
      let due = null;
      for (const [id, t] of this.timers) {
        if (t.at <= until && (due === null || t.at < due[1].at || (t.at === due[1].at && id < due[0]))) {
          due = [id, t];
        }
      }
      if (!due) break;
      this.timers.delete(due[0]);
      this.now = due[1].at;
      due[1].fn();
    }
    this.now = until;
  },
  pending() {
    return [...this.timers.values()].map((t) => t.at - this.now).sort((a, b) => a - b);
  },
};
global.setTimeout = (fn, delay) => {
  const id = clock.nextId++;
  clock.timers.set(id, { at: clock.now + Math.max(0, delay || 0), fn });
  return id;
};
global.clearTimeout = (id) => clock.timers.delete(id);
Date.now = () => clock.now;

// --- a scripted WebSocket -------------------------------------------------------------------------
class FakeWebSocket {
  constructor(url) {
    this.url = url;
    this.readyState = 0;
    this.sent = [];
    this.closedByClient = false;
    FakeWebSocket.instances.push(this);
  }
  send(text) {
    if (this.readyState !== 1) throw new Error('not open');
    this.sent.push(text);
  }
  close() {
    this.closedByClient = true;
    this.readyState = 3;
  }
  // server side
  accept() {
    this.readyState = 1;
    this.onopen && this.onopen({});
  }
  deliver(value) {
    this.onmessage && this.onmessage({ data: JSON.stringify(value) });
  }
  deliverRaw(text) {
    this.onmessage && this.onmessage({ data: text });
  }
  drop() {
    this.readyState = 3;
    this.onclose && this.onclose({ code: 1006 });
  }
  refuse() {
    this.readyState = 3;
    this.onerror && this.onerror({});
    this.onclose && this.onclose({ code: 1006 });
  }
  frames() {
    return this.sent.map((t) => JSON.parse(t));
  }
  // Answers detailsView (and roomAdd) frames sent so far that have not been answered.
  answer(details) {
    this.answered = this.answered || 0;
    const frames = this.frames();
    for (; this.answered < frames.length; this.answered++) {
      const f = frames[this.answered];
      if (f.event === 'detailsView') {
        this.deliver({ status: 'OK', context: 'response', data: details(), messageId: f.messageId });
      } else if (f.event === 'roomAdd') {
        this.deliver({ status: 'OK', context: 'response', data: true, messageId: f.messageId });
      }
    }
  }
}
FakeWebSocket.instances = [];
const latest = () => FakeWebSocket.instances[FakeWebSocket.instances.length - 1];

// --- a scripted XMLHttpRequest --------------------------------------------------------------------
class FakeXhr {
  constructor() {
    this.headers = {};
    FakeXhr.instances.push(this);
  }
  open(method, url, async) {
    Object.assign(this, { method, url, async });
  }
  setRequestHeader(k, v) {
    this.headers[k] = v;
  }
  send(body) {
    this.body = body;
  }
  respond(status, statusText, text) {
    Object.assign(this, { status, statusText, responseText: text, readyState: 4 });
    this.onreadystatechange();
  }
}
FakeXhr.instances = [];

// --- the page ----------------------------------------------------------------------------------------
global.window = global;
window.location = { origin: 'http://page.test:9000', protocol: 'http:', host: 'page.test:9000' };
window.WebSocket = FakeWebSocket;
window.XMLHttpRequest = FakeXhr;
global.document = { cookie: '' };

const Client = require(path.resolve(process.argv[2]));
assert.strictEqual(window.ActionheroWebsocketClient, Client, 'the script defines the global');

const EVENTS = ['connected', 'disconnected', 'error', 'reconnect', 'reconnecting', 'timeout', 'alert', 'api',
  'welcome', 'say', 'message'];

// These scenarios script a WebSocket, so the polling fallback (proven in Chromium) stays out of them.
function newClient(options) {
  const client = new Client(Object.assign({ pingTimeout: 45000, transports: ['websocket'] }, options));
  client.log = [];
  EVENTS.forEach((name) => client.on(name, (arg) => client.log.push(name === 'message' ? 'message' : name)));
  return client;
}

let detailsSeq = 0;
function details(rooms) {
  detailsSeq++;
  return () => ({ id: 'conn-' + detailsSeq, fingerprint: 'fp', remoteIP: '127.0.0.1', remotePort: 1, params: {},
    connectedAt: 1, rooms: rooms ? rooms() : [], totalActions: 0, pendingActions: 0 });
}

// Connects a client and completes the handshake; returns [client, socket, connect-callback args].
function connected(options, rooms) {
  const client = newClient(options);
  const calls = [];
  client.connect((error, d) => calls.push([error, d]));
  const ws = latest();
  ws.accept();
  ws.answer(details(rooms));
  return [client, ws, calls];
}

const scenarios = {
  'socket url: ws scheme, configured pathname, query kept, fingerprint cookie, cache buster'() {
    document.cookie = 'other=1; sessionID=abc123; x=2';
    try {
      const client = newClient({ url: 'http://api.test:8080/ignored/path?token=t', pathname: '/primus' });
      client.connect();
      assert.match(latest().url, /^ws:\/\/api\.test:8080\/primus\?token=t&sessionID=abc123&_primuscb=[0-9a-z.]+$/);
      const secure = newClient({ url: 'https://api.test' });
      secure.connect();
      assert.match(latest().url, /^wss:\/\/api\.test\/primus\?sessionID=abc123&_primuscb=/);
    } finally {
      document.cookie = '';
    }
    const plain = newClient({});
    plain.connect();
    assert.match(latest().url, /^ws:\/\/page\.test:9000\/primus\?_primuscb=/, 'defaults to the page origin');
  },

  'connect: detailsView first, then state connected, connected event and callback with the details'() {
    const client = newClient({});
    const calls = [];
    client.connect((error, d) => calls.push([error, d]));
    assert.strictEqual(client.state, 'disconnected');
    const ws = latest();
    ws.accept();
    assert.deepStrictEqual(ws.frames(), [{ event: 'detailsView', messageId: 1 }]);
    assert.strictEqual(calls.length, 0, 'the callback waits for the details');
    ws.deliver({ welcome: 'Hello', context: 'api' });
    ws.answer(details());
    assert.strictEqual(client.state, 'connected');
    assert.strictEqual(calls.length, 1);
    assert.strictEqual(calls[0][0], null);
    assert.strictEqual(calls[0][1].data.id, client.id);
    assert.strictEqual(client.fingerprint, 'fp');
    assert.strictEqual(client.welcomeMessage, 'Hello');
    assert.deepStrictEqual(client.log, ['message', 'welcome', 'message', 'connected']);
  },

  'send: messageId bookkeeping and frames as Actionhero'() {
    const [client, ws] = connected({});
    ws.sent = [];
    client.roomAdd('defaultRoom');
    client.action('sleepTest', { sleepDuration: 100 });
    client.action('randomNumber', { messageId: 'zzz' }, () => {});
    client.say('defaultRoom', 'hi');
    assert.deepStrictEqual(ws.frames(), [
      { event: 'roomAdd', room: 'defaultRoom', messageId: 2 },
      { event: 'action', params: { sleepDuration: 100, action: 'sleepTest' }, messageId: 3 },
      { event: 'action', params: { messageId: 'zzz', action: 'randomNumber' }, messageId: 'zzz' },
      { event: 'say', room: 'defaultRoom', message: 'hi', messageId: 5 },
    ]);
    assert.ok(client.callbacks.zzz, 'callbacks are kept by messageId');
  },

  'handleMessage: message first, then routed by context; callbacks run once'() {
    const [client, ws] = connected({});
    const replies = [];
    client.detailsView((r) => replies.push(r));
    const id = ws.frames().pop().messageId;
    client.log = [];
    ws.deliver({ status: 'OK', context: 'response', data: { x: 1 }, messageId: id });
    ws.deliver({ status: 'OK', context: 'response', data: { x: 2 }, messageId: id });
    ws.deliver({ message: 'm', room: 'r', from: 'f', context: 'user', sentAt: 1 });
    ws.deliver({ context: 'alert', message: 'a' });
    ws.deliver({ context: 'api', message: 'other api' });
    ws.deliver({ context: 'api', welcome: 'w' });
    assert.strictEqual(replies.length, 1);
    assert.deepStrictEqual(replies[0].data, { x: 1 });
    assert.strictEqual(client.callbacks[id], undefined);
    assert.deepStrictEqual(client.log,
      ['message', 'message', 'message', 'say', 'message', 'alert', 'message', 'api', 'message', 'welcome']);
  },

  'heartbeat: a server ping is answered with the same number and is not data'() {
    const [client, ws] = connected({});
    client.log = [];
    ws.sent = [];
    ws.deliver('primus::ping::1795632954777');
    assert.deepStrictEqual(ws.sent, ['"primus::pong::1795632954777"']);
    assert.deepStrictEqual(client.log, []);
  },

  'dead link: no ping within pingTimeout closes and reconnects; pings keep it alive'() {
    const [client, ws] = connected({ pingTimeout: 1500, reconnect: { min: 200, max: 1000, retries: 3, factor: 2 } });
    clock.tick(1000);
    ws.deliver('primus::ping::1');
    clock.tick(1000);
    assert.strictEqual(client.state, 'connected', 'a ping restarted the timer');
    clock.tick(600);
    assert.ok(ws.closedByClient, 'the dead socket is closed');
    assert.strictEqual(client.state, 'reconnecting');
    const before = FakeWebSocket.instances.length;
    clock.tick(200);
    assert.strictEqual(FakeWebSocket.instances.length, before + 1, 'first attempt after reconnect.min');
  },

  'server close: primus::server::close then close ends for good'() {
    const [client, ws] = connected({ reconnect: { min: 10, max: 10, retries: 5, factor: 2 } });
    client.log = [];
    ws.deliver('primus::server::close');
    assert.strictEqual(client.state, 'connected', 'the message alone does not close');
    ws.drop();
    const count = FakeWebSocket.instances.length;
    clock.tick(60000);
    assert.strictEqual(FakeWebSocket.instances.length, count, 'no reconnect');
    assert.strictEqual(client.state, 'disconnected');
    assert.deepStrictEqual(client.log, ['disconnected']);
  },

  'drop: reconnecting with back-off, then reconnect; rooms re-joined after every reconnect'() {
    let rooms = [];
    const [client, ws] = connected({ reconnect: { min: 100, max: 5000, retries: 10, factor: 2 } }, () => rooms);
    client.roomAdd('defaultRoom');
    rooms = ['defaultRoom'];
    ws.answer(details(() => rooms));
    assert.deepStrictEqual(client.rooms, ['defaultRoom']);

    for (let round = 1; round <= 2; round++) {
      client.log = [];
      latest().drop();
      assert.strictEqual(client.state, 'reconnecting');
      assert.deepStrictEqual(client.log, ['disconnected', 'reconnecting']);
      client.log = [];
      const count = FakeWebSocket.instances.length;
      clock.tick(99);
      assert.strictEqual(FakeWebSocket.instances.length, count, 'waits reconnect.min');
      clock.tick(1);
      const next = latest();
      assert.strictEqual(FakeWebSocket.instances.length, count + 1);
      rooms = [];
      next.accept();
      assert.deepStrictEqual(next.frames().map((f) => [f.event, f.room]),
        [['roomAdd', 'defaultRoom'], ['detailsView', undefined]], 'rejoin, then details');
      rooms = ['defaultRoom'];
      next.answer(details(() => rooms));
      assert.strictEqual(client.state, 'connected');
      assert.deepStrictEqual(client.rooms, ['defaultRoom']);
      assert.deepStrictEqual(client.log.filter((e) => e !== 'message'), ['reconnect'], 'round ' + round);
    }
  },

  'rejoin after a reconnect asks for the messages since the last id seen in that room'() {
    let rooms = [];
    const [client, ws] = connected({ reconnect: { min: 100, max: 5000, retries: 10, factor: 2 } }, () => rooms);
    client.roomAdd('defaultRoom');
    client.roomAdd('quietRoom');
    rooms = ['defaultRoom', 'quietRoom'];
    ws.answer(details(() => rooms));
    ws.deliver({ message: 'one', room: 'defaultRoom', from: 'x', context: 'user', sentAt: 1, id: '17-0' });
    ws.deliver({ message: 'two', room: 'defaultRoom', from: 'x', context: 'user', sentAt: 2, id: '18-0' });
    latest().drop();
    clock.tick(100);
    const next = latest();
    next.accept();
    const rejoins = next.frames().filter((f) => f.event === 'roomAdd');
    assert.deepStrictEqual(rejoins.map((f) => [f.room, f.since]),
      [['defaultRoom', '18-0'], ['quietRoom', undefined]]);
  },

  'back-off: attempt 1 waits min, then (1..2) x min x factor^(n-1) capped at max; gives up after retries'() {
    const original = Math.random;
    const waits = [];
    try {
      for (const random of [0, 0.999999]) {
        Math.random = () => random;
        const client = newClient({ reconnect: { min: 100, max: 1500, retries: 4, factor: 2 } });
        client.connect();
        latest().refuse();
        const delays = [];
        for (let i = 0; i < 4; i++) {
          delays.push(clock.pending()[0]);
          clock.tick(clock.pending()[0]);
          latest().refuse();
        }
        waits.push(delays);
        assert.strictEqual(client.state, 'disconnected', 'given up');
        const count = FakeWebSocket.instances.length;
        clock.tick(100000);
        assert.strictEqual(FakeWebSocket.instances.length, count);
      }
    } finally {
      Math.random = original;
    }
    assert.deepStrictEqual(waits[0], [100, 200, 400, 800]);
    assert.deepStrictEqual(waits[1], [100, 400, 800, 1500]);
  },

  'initial connect: refused emits error, then keeps trying; callback once connected'() {
    const client = newClient({ reconnect: { min: 50, max: 50, retries: 5, factor: 2 } });
    const calls = [];
    client.connect((e, d) => calls.push(d));
    latest().refuse();
    assert.deepStrictEqual(client.log, ['error', 'reconnecting']);
    clock.tick(50);
    latest().accept();
    latest().answer(details());
    assert.strictEqual(calls.length, 1);
    assert.strictEqual(client.state, 'connected');
    assert.ok(client.log.includes('connected'));
    assert.ok(!client.log.includes('reconnect'), 'the first success is "connected"');
  },

  'initial connect: timeout sets state timeout, then retries'() {
    const client = newClient({ timeout: 300, reconnect: { min: 50, max: 50, retries: 5, factor: 2 } });
    client.connect();
    const first = latest();
    clock.tick(299);
    assert.strictEqual(client.state, 'disconnected');
    clock.tick(1);
    assert.ok(first.closedByClient);
    assert.deepStrictEqual(client.log, ['timeout', 'reconnecting', 'disconnected']);
    assert.strictEqual(client.state, 'reconnecting');
    clock.tick(50);
    assert.notStrictEqual(latest(), first);
  },

  'writes while down: queued up to queueSize (oldest dropped), flushed in order before open handling'() {
    const [client, ws] = connected({ queueSize: 2, reconnect: { min: 10, max: 10, retries: 5, factor: 2 } });
    ws.drop();
    client.say('r', 'one');
    client.say('r', 'two');
    client.say('r', 'three');
    clock.tick(10);
    const next = latest();
    next.accept();
    assert.deepStrictEqual(next.frames().map((f) => f.event + ':' + (f.message || '')),
      ['say:two', 'say:three', 'detailsView:']);
  },

  'action: over the socket when connected, over HTTP otherwise'() {
    const client = newClient({ url: 'http://api.test:81', apiPath: '/api' });
    const replies = [];
    client.action('echo', { message: 'a b', n: 1 }, (r) => replies.push(r));
    let xhr = FakeXhr.instances.pop();
    assert.strictEqual(xhr.method, 'POST');
    assert.strictEqual(xhr.url, 'http://api.test:81/api?action=echo');
    assert.strictEqual(xhr.headers['Content-Type'], 'application/json');
    assert.deepStrictEqual(JSON.parse(xhr.body), { message: 'a b', n: 1, action: 'echo' });
    xhr.respond(200, 'OK', '{"echo":{"message":"a b"}}');
    assert.deepStrictEqual(replies.pop(), { echo: { message: 'a b' } });

    client.action('echo', { message: 'a&b c', httpMethod: 'GET' }, (r) => replies.push(r));
    xhr = FakeXhr.instances.pop();
    assert.strictEqual(xhr.method, 'GET');
    assert.strictEqual(xhr.url, 'http://api.test:81/api?action=echo&message=a%26b%20c');
    assert.strictEqual(xhr.body, null);
    xhr.respond(502, 'Bad Gateway', '<html>nope</html>');
    assert.deepStrictEqual(replies.pop(), { error: { statusText: 'Bad Gateway', responseText: '<html>nope</html>' } });

    client.connect();
    latest().accept();
    latest().answer(details());
    client.action('echo', { message: 'ws' });
    assert.deepStrictEqual(latest().frames().pop().params, { message: 'ws', action: 'echo' });
    assert.strictEqual(FakeXhr.instances.length, 0);
  },

  'invalid JSON from the server: error emitted, connection kept'() {
    const [client, ws] = connected({});
    client.log = [];
    ws.deliverRaw('this is not json');
    ws.deliver({ context: 'api', message: 'still here' });
    assert.deepStrictEqual(client.log, ['error', 'message', 'api']);
    assert.strictEqual(client.state, 'connected');
  },

  'disconnect: closes for good, one disconnected event'() {
    const [client, ws] = connected({ reconnect: { min: 10, max: 10, retries: 5, factor: 2 } });
    client.log = [];
    client.disconnect();
    assert.ok(ws.closedByClient);
    assert.strictEqual(client.state, 'disconnected');
    const count = FakeWebSocket.instances.length;
    clock.tick(60000);
    assert.strictEqual(FakeWebSocket.instances.length, count);
    assert.deepStrictEqual(client.log, ['disconnected']);
  },

  'roomLeave: forgets the room at once, then refreshes details'() {
    const [client, ws] = connected({}, () => ['a', 'b']);
    assert.deepStrictEqual(client.rooms, ['a', 'b']);
    const replies = [];
    client.roomLeave('a', (r) => replies.push(r));
    assert.deepStrictEqual(client.rooms, ['b']);
    const leave = ws.frames().pop();
    assert.deepStrictEqual([leave.event, leave.room], ['roomLeave', 'a']);
    ws.deliver({ status: 'OK', context: 'response', data: true, messageId: leave.messageId });
    assert.strictEqual(replies.length, 0, 'waits for the details');
    ws.answer(details(() => ['b']));
    assert.strictEqual(replies.length, 1);
    assert.strictEqual(replies[0].data, true);
  },

  'primus id: asked and answered without surfacing as data'() {
    const [client, ws] = connected({});
    const ids = [];
    client.client.id((id) => ids.push(id));
    assert.strictEqual(ws.sent.pop(), '"primus::id::"');
    client.log = [];
    ws.deliver('primus::id::spark-1');
    assert.deepStrictEqual(ids, ['spark-1']);
    assert.deepStrictEqual(client.log, []);
  },

  'events: on, once, removeListener'() {
    const client = new Client({});
    const seen = [];
    const listener = (x) => seen.push('on:' + x);
    client.on('e', listener);
    client.once('e', (x) => seen.push('once:' + x));
    client.emit('e', 1);
    client.emit('e', 2);
    client.removeListener('e', listener);
    client.emit('e', 3);
    assert.deepStrictEqual(seen, ['on:1', 'once:1', 'on:2']);
    assert.strictEqual(client.emit('error', new Error('nobody listens')), false, 'an unheard error is not thrown');
  },
};

for (const [name, run] of Object.entries(scenarios)) {
  clock.reset();
  FakeWebSocket.instances = [];
  FakeXhr.instances = [];
  try {
    run();
    console.log(JSON.stringify({ name, ok: true }));
  } catch (error) {
    console.log(JSON.stringify({ name, ok: false, error: String(error && error.stack || error) }));
  }
}
