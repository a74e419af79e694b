// No task workers or scheduler: the benchmark uses none.
exports.DEFAULT = {
  tasks: () => ({
    scheduler: false,
    queues: [],
    minTaskProcessors: 0,
    maxTaskProcessors: 0,
  }),
};
