// Drives the UNMODIFIED Actionhero 29.3.5 browser client (client/ActionheroWebsocketClient.js from the
// npm package) on the UNMODIFIED Primus 8.0.9 client against an Actionhero4j server.
// Usage: node compat.js <port> [websockets|engine.io] [polling-only]. The second argument picks the
// Primus transformer the client is built for (engine.io needs the npm engine.io-client); the third
// passes `websockets: false`, so Engine.IO stays on HTTP long-polling.
// Prints one line per check, then "N passed, M failed"; exits 1 on failure.
'use strict';

const fs = require('fs');
const path = require('path');
const Primus = require('primus');

const port = Number(process.argv[2]);
const url = 'http://127.0.0.1:' + port;
const transformer = process.argv[3] || 'websockets';
const pollingOnly = process.argv[4] === 'polling-only';

// What Actionhero's server does at boot (writeClientJS): fill %%DEFAULTS%% and wrap the file.
const source = fs.readFileSync(
  path.join(__dirname, 'node_modules', 'actionhero', 'client', 'ActionheroWebsocketClient.js'), 'utf8');
const defaults = "return { apiPath: '/api', cookieKey: 'sessionID', url: '" + url + "' }";
const rendered = source.replace('%%DEFAULTS%%', defaults);

// The Primus client for Node, as `primus.library()` would build it for the chosen transformer.
global.Primus = Primus.createSocket({ transformer, parser: 'json', pathname: '/primus', pingInterval: 30000 });
const exported = {};
new Function('exports', 'require', rendered + '\nexports.ActionheroWebsocketClient = ActionheroWebsocketClient;')(exported, require);
const ActionheroWebsocketClient = exported.ActionheroWebsocketClient;

const { check, within, run } = require('./checks');

function call(client, method, ...args) {
  return within(new Promise((resolve) => client[method](...args, resolve)), method);
}

// In Node the client's prototype is ONE shared Primus EventEmitter, so every instance hears every
// instance's 'say'; per-client deliveries are observed on each client's own Primus socket instead.
function nextChat(x, message) {
  return nextEvent(x.client.client, 'data', (m) => m && m.context === 'user' && m.message === message);
}

function nextEvent(emitter, event, filter) {
  return within(new Promise((resolve) => {
    const handler = (...args) => {
      if (!filter || filter(...args)) {
        emitter.removeListener(event, handler);
        resolve(args[0]);
      }
    };
    emitter.on(event, handler);
  }), event);
}

async function connect() {
  const client = new ActionheroWebsocketClient(pollingOnly ? { websockets: false } : {});
  const welcome = nextEvent(client, 'welcome');
  const details = await within(new Promise((resolve, reject) => {
    client.connect((error, response) => (error ? reject(error) : resolve(response)));
  }), 'connect');
  return { client, details, welcome: await welcome };
}

async function main() {
  const a = await connect();
  check('welcome arrives with the server text', /Welcome/.test(a.welcome.welcome), a.welcome);
  check('connect answers with detailsView', a.details.status === 'OK' && a.details.data.id === a.client.id, a.details);
  check('state is connected', a.client.state === 'connected', a.client.state);
  check('fingerprint is the connection id without a cookie', a.client.fingerprint === a.client.id);

  const random = await call(a.client, 'action', 'randomNumber', {});
  check('action without params', typeof random.randomNumber === 'number' && random.context === 'response', random);
  const echo = await call(a.client, 'action', 'echo', { message: 'hi there' });
  check('action with params', echo.echo && echo.echo.message === 'hi there', echo);
  const missing = await call(a.client, 'action', 'requiresKey', {});
  check('missing param error', missing.error === 'key is a required parameter for this action', missing);
  const unknown = await call(a.client, 'action', 'doesNotExist', {});
  check('unknown action error', unknown.error === 'unknown action or invalid apiVersion', unknown);
  const before = a.client.messageId;
  const numbered = await call(a.client, 'action', 'echo', { message: 'x' });
  check('messageIds count up and come back', numbered.messageId === before + 1, { before, got: numbered.messageId });
  const custom = await call(a.client, 'action', 'echo', { message: 'y', messageId: 'zzz' });
  check('a params.messageId is the reply id', custom.messageId === 'zzz', custom);

  const b = await connect();
  const c = await connect();
  for (const x of [a, b, c]) {
    const added = await call(x.client, 'roomAdd', 'defaultRoom');
    check('roomAdd answers OK', added.status === 'OK' && added.data === true, added);
  }
  check('client rooms refreshed after roomAdd', a.client.rooms.indexOf('defaultRoom') >= 0, a.client.rooms);
  const heard = [a, b, c].map((x) => nextChat(x, 'hello room'));
  const sayEvent = nextEvent(a.client, 'say', (m) => m.message === 'hello room');
  const said = await call(a.client, 'say', 'defaultRoom', 'hello room');
  check('the client emits say for chat messages', (await sayEvent).room === 'defaultRoom');
  check('say answers OK', said.status === 'OK', said);
  const messages = await Promise.all(heard);
  check('all three members (sender included) hear the say', messages.every((m) => m.from === a.client.id && m.room === 'defaultRoom'), messages);

  const left = await call(c.client, 'roomLeave', 'defaultRoom');
  check('roomLeave answers OK', left.status === 'OK', left);
  let cHeard = false;
  c.client.client.on('data', (m) => { if (m && m.message === 'after leave') { cHeard = true; } });
  const bHears = nextChat(b, 'after leave');
  await call(a.client, 'say', 'defaultRoom', 'after leave');
  await bHears;
  const view = await call(a.client, 'roomView', 'defaultRoom');
  check('roomView counts two members', view.data.membersCount === 2, view);
  check('a member that left hears nothing more', !cHeard);

  const notIn = await call(c.client, 'say', 'defaultRoom', 'nope');
  check('verb errors carry the Error: prefix', notIn.error === 'Error: connection not in this room (defaultRoom)', notIn);

  const file = await call(a.client, 'file', 'hello.txt');
  check('file verb sends the content', file.content === 'hello from a file' && file.mime.indexOf('text/plain') === 0, file);
  const noFile = await call(a.client, 'file', 'missing.txt');
  check('missing file error', noFile.error === 'that file is not found', noFile);

  if (transformer === 'engine.io') {
    const socket = a.client.client.socket;
    const expected = pollingOnly ? 'polling' : 'websocket';
    if (socket.transport.name !== expected) {
      await nextEvent(socket, 'upgrade');
    }
    check('engine.io carries the socket over ' + expected, socket.transport.name === expected, socket.transport.name);
  }

  const details = await call(a.client, 'detailsView');
  check('detailsView says websocket whatever carries it', details.data.type === 'websocket', details.data);
  check('detailsView lists the room', details.data.rooms.indexOf('defaultRoom') >= 0, details.data);

  const cGone = nextEvent(c.client, 'disconnected');
  c.client.disconnect();
  await cGone;
  check('disconnect sets state disconnected', c.client.state === 'disconnected', c.client.state);

  const bEnded = nextEvent(b.client.client, 'end');
  b.client.action('destroyMe', {}, () => {});
  await bEnded;
  check('a server-side destroy ends the client for good', b.client.state === 'disconnected', b.client.state);

  a.client.disconnect();
}

run(main);
