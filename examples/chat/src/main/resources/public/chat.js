/* The actionhero4j chat page: the generated ActionheroWebsocketClient, used as Actionhero's docs show. */
(function () {
  'use strict';

  var $ = function (id) { return document.getElementById(id); };
  var client = new ActionheroWebsocketClient();
  var currentRoom = 'defaultRoom';
  var myId = null;
  var myName = null;
  var names = {};            // connection id -> nickname, from roomView
  var members = {};          // room -> ids seen in its last roomView
  var leftByName = {};       // nickname -> time of its "I have left the room" notice
  var ENTERED = 'I have entered the room: ';
  var LEFT = 'I have left the room: ';

  function setState(state) {
    var el = $('state');
    el.textContent = state;
    el.className = 'state ' + state;
    showTransport();
    $('members').classList.toggle('stale', state !== 'connected');
  }

  /** Over WebSocket, or over long-polling when WebSocket is blocked (it upgrades when it can). */
  function showTransport() {
    var transport = typeof client.transport === 'function' ? client.transport() : '';
    $('transport').textContent = transport ? 'over ' + transport : '';
  }

  /** One readable error, shown once: "Error: room does not exist" reads "room does not exist". */
  function showError(error) {
    var text = String(error && error.message !== undefined ? error.message : error).replace(/^Error:\s*/, '');
    var notice = $('notice');
    notice.textContent = text;
    notice.hidden = false;
    clearTimeout(showError.timer);
    showError.timer = setTimeout(function () { notice.hidden = true; }, 6000);
  }

  function time(epochMillis) {
    var d = new Date(typeof epochMillis === 'number' ? epochMillis : Date.now());
    return d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  }

  function addLine(parts) {
    var li = document.createElement('li');
    if (parts.system) { li.className = 'system'; }
    var t = document.createElement('time');
    t.textContent = time(parts.sentAt);
    li.appendChild(t);
    if (parts.room) {
      var r = document.createElement('span');
      r.className = 'room';
      r.textContent = '#' + parts.room;
      li.appendChild(r);
    }
    if (parts.from) {
      var who = document.createElement('span');
      who.className = 'from';
      who.textContent = parts.from;
      li.appendChild(who);
    }
    li.appendChild(document.createTextNode(typeof parts.text === 'string' ? parts.text : JSON.stringify(parts.text)));
    var list = $('messages');
    var atBottom = list.scrollTop + list.clientHeight >= list.scrollHeight - 4;
    list.appendChild(li);
    if (atBottom) { list.scrollTop = list.scrollHeight; }
  }

  function nameOf(id) {
    if (id === '0') { return 'server'; }
    return names[id] || ('guest-' + String(id).slice(0, 6));
  }

  function showRooms() {
    $('myRooms').textContent = (client.rooms || []).join(', ');
  }

  function refreshMembers() {
    var room = currentRoom;
    $('membersRoom').textContent = room;
    if ((client.rooms || []).indexOf(room) < 0) {
      $('members').innerHTML = '';
      $('membersCount').textContent = '0';
      return;
    }
    client.roomView(room, function (response) {
      if (response.error || room !== currentRoom) { return; }
      var view = response.data.members;
      var ids = Object.keys(view);
      ids.forEach(function (id) { names[id] = view[id].nickname || nameOf(id); });
      noticeVanished(room, ids);
      var list = $('members');
      list.innerHTML = '';
      ids.forEach(function (id) {
        var li = document.createElement('li');
        li.textContent = nameOf(id) + ' ';
        li.setAttribute('data-id', id);
        if (id === myId) {
          var you = document.createElement('span');
          you.className = 'you';
          you.textContent = '(you)';
          li.appendChild(you);
        }
        list.appendChild(li);
      });
      $('membersCount').textContent = response.data.membersCount;
      $('members').classList.toggle('stale', client.state !== 'connected');
    });
  }

  /** Members gone without a leave notice were on a node that died: say so, once. */
  function noticeVanished(room, ids) {
    var before = members[room];
    members[room] = ids;
    if (!before) { return; }
    before.forEach(function (id) {
      if (ids.indexOf(id) >= 0 || id === myId) { return; }
      var name = nameOf(id);
      var left = leftByName[name];
      if (!left || Date.now() - left > 15000) {
        addLine({ system: true, room: room === currentRoom ? null : room, text: name + ' left (connection lost)' });
      }
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

  function roomOptions() {
    return Array.prototype.map.call($('roomSelect').options, function (o) { return o.value; });
  }

  /** Asks for a nickname until the server accepts one, then calls done. */
  function chooseNickname(suggestion, done) {
    var dialog = $('nicknameDialog');
    $('nicknameInput').value = suggestion || '';
    $('nicknameError').textContent = '';
    $('nicknameForm').onsubmit = function (event) {
      event.preventDefault();
      var wanted = $('nicknameInput').value.trim();
      client.action('nickname', { nickname: wanted }, function (response) {
        if (response.error) { $('nicknameError').textContent = response.error; return; }
        myName = response.nickname;
        $('myName').textContent = myName;
        try { localStorage.setItem('nickname', myName); } catch (e) { /* private mode */ }
        dialog.close();
        if (done) { done(); }
      });
    };
    if (!dialog.open) { dialog.showModal(); }
    $('nicknameInput').focus();
  }

  function enter() {
    client.roomAdd(currentRoom, function (response) {
      if (response.error && !/already in this room/.test(response.error)) { showError(response.error); }
      showRooms();
      refreshMembers();
      refreshDetails();
    });
  }

  client.on('connected', function () { setState('connected'); });
  client.on('disconnected', function () { setState(client.state === 'reconnecting' ? 'reconnecting' : 'disconnected'); });
  client.on('reconnecting', function () { setState('reconnecting'); });
  client.on('reconnect', function () {
    setState('connected');
    // the client joins its rooms again on its own; look at the member list once it has
    setTimeout(function () { refreshDetails(); refreshMembers(); }, 300);
  });
  client.on('timeout', function () { setState('timeout'); });
  client.on('alert', function (message) { addLine({ system: true, text: message.message }); });
  client.on('welcome', function (message) { $('welcome').textContent = message.welcome; });
  client.on('message', function (message) {
    if (message.context === 'stats') {
      var parts = Object.keys(message.rooms).map(function (r) { return r + ': ' + message.rooms[r]; });
      $('stats').textContent = 'Members per room: ' + parts.join(', ') + ' · your visits: ' + message.visits;
    }
  });
  client.on('say', function (message) {
    var other = message.room !== currentRoom;
    if (message.from === '0' && typeof message.message === 'string') {
      var text = message.message;
      if (text.indexOf(ENTERED) === 0) { text = text.slice(ENTERED.length) + ' joined'; }
      if (text.indexOf(LEFT) === 0) {
        leftByName[text.slice(LEFT.length)] = Date.now();
        text = text.slice(LEFT.length) + ' left';
      }
      addLine({ system: true, sentAt: message.sentAt, room: other ? message.room : null, text: text });
      if (!other) { refreshMembers(); }
      return;
    }
    if (!names[message.from] && !other) { refreshMembers(); }
    addLine({ sentAt: message.sentAt, room: other ? message.room : null, from: nameOf(message.from), text: message.message });
  });

  client.connect(function (error, details) {
    if (error) { showError(error); return; }
    myId = details.data ? details.data.id : details.id;
    client.action('nickname', {}, function (response) {
      var known = response.nickname && !/^guest-/.test(response.nickname);
      var saved = null;
      try { saved = localStorage.getItem('nickname'); } catch (e) { saved = null; }
      if (known) {
        myName = response.nickname;
        $('myName').textContent = myName;
        enter();
      } else {
        chooseNickname(saved || '', enter);
      }
    });
    client.action('randomNumber', {}, function (response) {
      $('actionResult').textContent = JSON.stringify(response, null, 2);
    });
  });

  $('renameButton').addEventListener('click', function () {
    chooseNickname(myName, function () {
      names[myId] = myName;
      refreshMembers();
    });
  });

  $('roomSelect').addEventListener('change', function () {
    currentRoom = this.value;
    refreshMembers();
  });

  $('createButton').addEventListener('click', function () {
    var name = $('roomInput').value.trim();
    if (!name) { showError('type a room name first'); return; }
    client.action('createChatRoom', { name: name }, function (response) {
      if (response.error) { showError(response.error); return; }
      var options = roomOptions();
      if (options.indexOf(name) < 0) { options.push(name); }
      currentRoom = name;
      loadRoomList(options);
      refreshMembers();
    });
  });

  $('joinButton').addEventListener('click', function () {
    var room = $('roomInput').value.trim() || $('roomSelect').value;
    client.roomAdd(room, function (response) {
      if (response.error) { showError(response.error); return; }
      currentRoom = room;
      var options = roomOptions();
      if (options.indexOf(room) < 0) { options.push(room); loadRoomList(options); }
      showRooms();
      refreshMembers();
    });
  });

  $('leaveButton').addEventListener('click', function () {
    var room = currentRoom;
    client.roomLeave(room, function (response) {
      if (response.error) { showError(response.error); }
      delete members[room];
      showRooms();
      refreshMembers();
    });
  });

  $('sayForm').addEventListener('submit', function (event) {
    event.preventDefault();
    var text = $('messageInput').value;
    if (!text.trim()) { return; }
    client.say(currentRoom, text, function (response) {
      if (response.error) { showError(response.error); }
    });
    $('messageInput').value = '';
  });

  $('actionButton').addEventListener('click', function () {
    var raw = $('actionParams').value.trim() || '{}';
    var params;
    try {
      params = JSON.parse(raw);
    } catch (e) {
      $('actionError').textContent = 'params must be JSON: ' + e.message;
      return;
    }
    if (params === null || typeof params !== 'object' || Array.isArray(params)) {
      $('actionError').textContent = 'params must be a JSON object, like {"message": "hi"}';
      return;
    }
    $('actionError').textContent = '';
    client.action($('actionSelect').value, params, function (response) {
      $('actionResult').textContent = JSON.stringify(response, null, 2);
    });
  });

  // for tests and the curious: the page's client (e.g. chat.client.state in the console)
  window.chat = { client: client };

  loadRoomList(['defaultRoom', 'otherRoom']);
  setState('connecting');
  setInterval(function () {
    showTransport();
    if (client.state === 'connected') { refreshMembers(); }
  }, 5000);
}());
