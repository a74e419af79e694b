// Must NOT compile: each marked line is an error the declarations catch.
import ActionheroWebsocketClient = require('./ActionheroWebsocketClient');

declare const client: ActionheroWebsocketClient;

client.action('greeet', { name: 'Ada' }); // error: misspelt action
client.action('greet', { name: 42 }); // error: wrong input type
client.action('greet', { name: 'Ada', mood: 'GRUMPY' }); // error: not an allowed value
client.action('greet', { times: 2 }); // error: required input missing
client.action('greet', { name: 'Ada' }, (response) => {
  const wrong: number = response.greeting; // error: the output is a string
  console.log(wrong);
});
