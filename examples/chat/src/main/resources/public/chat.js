/* The actionhero4j chat page: the generated ActionheroWebsocketClient, used as Actionhero's docs show. */
(function () {
  'use strict';

  var $ = function (id) { return document.getElementById(id); };
  var client = new ActionheroWebsocketClient();
  var currentRoom = 'defaultRoom';
  var myId = null;

  function setState(state) {
    var el = $('state');
    el.textContent = state;
    el.className = 'state ' + state;
  }

  function addMessage(from, text, system) {
    var li = document.createElement('li');
    if (system) { li.className = 'system'; }
    var who = document.createElement('span');
    who.className = 'from';
    who.textContent = from;
    li.appendChild(who);
    li.appendChild(document.createTextNode(typeof text === 'string' ? text : JSON.stringify(text)));
    $('messages').appendChild(li);
    $('messages').scrollTop = $('messages').scrollHeight;
  }

  function showRooms() {
    $('myRooms').textContent = (client.rooms || []).join(', ');
  }

  function refreshMembers() {
    $('membersRoom').textContent = currentRoom;
    if ((client.rooms || []).indexOf(currentRoom) < 0) {
      $('members').innerHTML = '';
      $('membersCount').textContent = '0';
      return;
    }
    client.roomView(currentRoom, function (response) {
      if (response.error) { return; }
      var list = $('members');
      list.innerHTML = '';
      Object.keys(response.data.members).forEach(function (id) {
        var li = document.createElement('li');
        li.textContent = id + (id === myId ? ' (you)' : '');
        li.setAttribute('data-id', id);
        list.appendChild(li);
      });
      $('membersCount').textContent = response.data.membersCount;
    });
  }

  function refreshDetails() {
    client.detailsView(function (response) {
      if (response.data) {
        myId = response.data.id;
        $('details').textContent = JSON.stringify(response.data, null, 2);
        showRooms();
      }
    });
  }

  function loadRoomList(rooms) {
    var select = $('roomSelect');
    select.innerHTML = '';
    rooms.forEach(function (room) {
      var option = document.createElement('option');
      option.value = room;
      option.textContent = room;
      if (room === currentRoom) { option.selected = true; }
      select.appendChild(option);
    });
  }

  client.on('connected', function () { setState('connected'); });
  client.on('disconnected', function () { setState(client.state === 'reconnecting' ? 'reconnecting' : 'disconnected'); });
  client.on('reconnecting', function () { setState('reconnecting'); });
  client.on('reconnect', function () { setState('connected'); refreshDetails(); refreshMembers(); });
  client.on('timeout', function () { setState('timeout'); });
  client.on('error', function (error) { addMessage('error', String(error && error.message || error), true); });
  client.on('alert', function (message) { addMessage('alert', message.message, true); });
  client.on('welcome', function (message) { $('welcome').textContent = message.welcome; });
  client.on('api', function (message) {
    if (message.type === 'stats') {
      var parts = Object.keys(message.rooms).map(function (r) { return r + ': ' + message.rooms[r]; });
      $('stats').textContent = 'Members per room: ' + parts.join(', ') + ' · your visits: ' + message.visits;
    }
  });
  client.on('say', function (message) {
    if (message.room !== currentRoom && message.from !== '0') {
      addMessage(message.room + ' / ' + message.from, message.message);
    } else {
      addMessage(message.from === '0' ? 'server' : message.from, message.message, message.from === '0');
    }
    if (message.from === '0' && message.room === currentRoom) { refreshMembers(); }
  });

  client.connect(function (error, details) {
    if (error) { addMessage('error', String(error), true); return; }
    myId = details.data ? details.data.id : details.id;
    refreshDetails();
    client.roomAdd('defaultRoom', function () {
      showRooms();
      refreshMembers();
    });
    client.action('randomNumber', {}, function (response) {
      $('actionResult').textContent = JSON.stringify(response, null, 2);
    });
    client.action('status', {}, function () {});
  });

  $('roomSelect').addEventListener('change', function () {
    currentRoom = this.value;
    refreshMembers();
  });

  $('createButton').addEventListener('click', function () {
    var name = $('roomInput').value.trim();
    if (!name) { return; }
    client.action('createChatRoom', { name: name }, function (response) {
      if (response.error) { addMessage('error', response.error, true); return; }
      var options = Array.prototype.map.call($('roomSelect').options, function (o) { return o.value; });
      if (options.indexOf(name) < 0) { options.push(name); }
      currentRoom = name;
      loadRoomList(options);
      refreshMembers();
    });
  });

  $('joinButton').addEventListener('click', function () {
    var room = $('roomInput').value.trim() || $('roomSelect').value;
    client.roomAdd(room, function (response) {
      if (response.error) { addMessage('error', response.error, true); return; }
      currentRoom = room;
      showRooms();
      refreshMembers();
    });
  });

  $('leaveButton').addEventListener('click', function () {
    var room = currentRoom;
    client.roomLeave(room, function (response) {
      if (response.error) { addMessage('error', response.error, true); }
      showRooms();
      refreshMembers();
    });
  });

  $('sayForm').addEventListener('submit', function (event) {
    event.preventDefault();
    var text = $('messageInput').value;
    if (!text) { return; }
    client.say(currentRoom, text, function (response) {
      if (response.error) { addMessage('error', response.error, true); }
    });
    $('messageInput').value = '';
  });

  $('actionButton').addEventListener('click', function () {
    var params = {};
    try { params = JSON.parse($('actionParams').value || '{}'); } catch (e) { params = {}; }
    client.action($('actionSelect').value, params, function (response) {
      $('actionResult').textContent = JSON.stringify(response, null, 2);
    });
  });

  loadRoomList(['defaultRoom', 'otherRoom']);
  setInterval(refreshMembers, 5000);
}());
