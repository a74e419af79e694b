// For the idle benchmark: collect garbage if node runs with --expose-gc, then report memory.
const { Action } = require("actionhero");

class Heap extends Action {
  constructor() {
    super();
    this.name = "heap";
    this.description = "runs a GC (with --expose-gc) and returns heap used and RSS in bytes";
    this.outputExample = { heapUsed: 1, rss: 1, gc: true };
  }

  async run() {
    const gc = typeof global.gc === "function";
    if (gc) {
      global.gc();
      global.gc();
    }
    const m = process.memoryUsage();
    return { heapUsed: m.heapUsed, rss: m.rss, gc };
  }
}

exports.Heap = Heap;
