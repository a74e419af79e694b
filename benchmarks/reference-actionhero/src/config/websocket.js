// Do not write the client JS into public/ at boot (the benchmark never loads it).
exports.DEFAULT = {
  websocket: () => ({
    clientJsName: undefined,
  }),
};
