// Must compile against the declarations the server generated for its actions.
import ActionheroWebsocketClient = require('./ActionheroWebsocketClient');

declare const client: ActionheroWebsocketClient;

client.action('greet', { name: 'Ada' }, (response) => {
  const greeting: string = response.greeting;
  const times: number = response.times;
  const tags: string[] = response.tags;
  console.log(greeting, times, tags, response.error);
});
client.action('greet', { name: 'Ada', times: 2, mood: 'CHEERFUL', tags: ['a', 'b'] });
client.action('roll', (response) => {
  const sides: number = response.sides;
  const faces: number[] = response.faces;
  const label: string = response.die.label;
  console.log(sides, faces, label);
});
client.action('status', null);
