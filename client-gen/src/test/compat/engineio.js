// Drives the UNMODIFIED npm engine.io-client 6 against an Actionhero4j server, carrying Primus frames
// (JSON text in message packets) as Primus's engine.io transformer does.
// Usage: node engineio.js <port>. Prints one line per check, then "N passed, M failed"; exits 1 on failure.
'use strict';

const { Socket } = require('engine.io-client');

const port = Number(process.argv[2]);

const { check, within, run } = require('./checks');

// The next Primus value (decoded JSON) that matches.
function nextValue(socket, filter) {
  return within(new Promise((resolve) => {
    const handler = (text) => {
      const value = JSON.parse(text);
      if (filter(value)) {
        socket.off('message', handler);
        resolve(value);
      }
    };
    socket.on('message', handler);
  }), 'a matching message');
}

function once(socket, event) {
  return within(new Promise((resolve) => socket.once(event, resolve)), event);
}

async function request(socket, frame) {
  const reply = nextValue(socket, (v) => v && v.context === 'response' && v.messageId === frame.messageId);
  socket.send(JSON.stringify(frame));
  return reply;
}

async function scenario(transports, name) {
  const socket = new Socket('http://127.0.0.1:' + port, { path: '/primus', transports });
  const welcome = nextValue(socket, (v) => v && v.welcome);
  await once(socket, 'open');
  check(name + ': opens over polling', socket.transport.name === 'polling', socket.transport.name);
  check(name + ': the welcome arrives', /Welcome/.test((await welcome).welcome));
  const details = await request(socket, { event: 'detailsView', messageId: 'd1' });
  check(name + ': detailsView answers, type websocket', details.status === 'OK' && details.data.type === 'websocket', details);
  const id = nextValue(socket, (v) => typeof v === 'string' && v.indexOf('primus::id::') === 0);
  socket.send(JSON.stringify('primus::id::'));
  check(name + ': primus::id:: is answered with the connection id', (await id) === 'primus::id::' + details.data.id);
  const echo = await request(socket, { event: 'action', params: { action: 'echo', message: 'over eio' }, messageId: 'e1' });
  check(name + ': an action runs', echo.echo && echo.echo.message === 'over eio', echo);
  if (transports.indexOf('websocket') >= 0) {
    if (socket.transport.name !== 'websocket') {
      await once(socket, 'upgrade');
    }
    check(name + ': upgrades to websocket', socket.transport.name === 'websocket', socket.transport.name);
    const after = await request(socket, { event: 'detailsView', messageId: 'd2' });
    check(name + ': the same connection after the upgrade', after.data.id === details.data.id, after.data);
  } else {
    const after = await request(socket, { event: 'detailsView', messageId: 'd2' });
    check(name + ': stays on polling', socket.transport.name === 'polling' && after.data.id === details.data.id);
  }
  const closed = once(socket, 'close');
  socket.close();
  await closed;
}

async function main() {
  await scenario(['polling', 'websocket'], 'polling then websocket');
  await scenario(['polling'], 'polling only');
}

run(main);
