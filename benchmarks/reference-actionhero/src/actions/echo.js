// The benchmark's action: returns the message it is sent (same as actionhero4j's BenchServer).
const { Action } = require("actionhero");

class Echo extends Action {
  constructor() {
    super();
    this.name = "echo";
    this.description = "returns what it is sent";
    this.inputs = { message: { required: true } };
    this.outputExample = { message: "hello" };
  }

  async run(data) {
    return { message: data.params.message };
  }
}

exports.Echo = Echo;
